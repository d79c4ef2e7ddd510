#!/usr/bin/env python3
"""Writes a deterministic country-scale budget-execution file for Scripts/bench-national.

The shape is SICOIN's national export (see /work/shared/reference): Latin-1 (Windows-1252), `;` separated, two
title rows above the header, amounts with thousands commas and a decimal point, the whole financing source as
fuente, organismo and correlativo columns, the entity's name beside its code (with accents), and twelve
monthly devengado columns. Every line has a distinct key: entities (ministries, secretariats and
municipalities) × programs × activities × renglones × financing sources.

Usage: bench-national-generate.py ejecucion LINES OUT
"""
import sys

MONTHS = ["ENERO", "FEBRERO", "MARZO", "ABRIL", "MAYO", "JUNIO", "JULIO", "AGOSTO", "SEPTIEMBRE", "OCTUBRE",
          "NOVIEMBRE", "DICIEMBRE"]
RENGLONES = ["011", "015", "029", "031", "035", "071", "072", "111", "113", "122", "133", "141", "151", "165", "185",
             "199", "211", "241", "262", "267", "291", "292", "295", "298", "322", "328", "331", "411", "419", "435",
             "472", "911"]
# (fuente, organismo, correlativo): local funds, loans and donations as SICOIN codes them.
FINANCING = [("11", "0000", "0000"), ("21", "0000", "0000"), ("29", "0000", "0000"), ("31", "0151", "0001"),
             ("52", "0403", "0012"), ("61", "0101", "0003")]
ENTITY_WORDS = ["Ministerio de Educación", "Ministerio de Salud Pública y Asistencia Social", "Secretaría de Bienestar",
                "Municipalidad de San Martín Jilotepeque", "Municipalidad de Santa Cruz del Quiché",
                "Secretaría de Obras Sociales de la Esposa del Presidente", "Ministerio de Comunicaciones"]


def money(centavos):
    sign = "-" if centavos < 0 else ""
    return f"{sign}{abs(centavos) // 100:,}.{abs(centavos) % 100:02d}"


def ejecucion(lines, path):
    with open(path, "w", encoding="cp1252", newline="") as f:
        f.write("REPORTE DE EJECUCIÓN PRESUPUESTARIA;;;;\r\n")
        f.write("Ejercicio 2022 - Cifras en quetzales;;;;\r\n")
        f.write(";".join(["EJERCICIO", "ENTIDAD", "NOMBRE ENTIDAD", "UNIDAD EJECUTORA", "PROGRAMA", "SUBPROGRAMA",
                          "PROYECTO", "ACTIVIDAD", "OBRA", "RENGLÓN", "FUENTE", "ORGANISMO", "CORRELATIVO",
                          "UBICACIÓN GEOGRÁFICA", "ASIGNADO", "MODIFICADO", "VIGENTE", "COMPROMETIDO", "DEVENGADO",
                          "PAGADO"] + ["DEVENGADO " + m for m in MONTHS]) + "\r\n")
        # Key order: financing and renglón vary fastest, then activity, program and entity.
        per_activity = len(RENGLONES) * len(FINANCING)
        for i in range(lines):
            fuente, organismo, correlativo = FINANCING[i % len(FINANCING)]
            renglon = RENGLONES[(i // len(FINANCING)) % len(RENGLONES)]
            rest = i // per_activity
            actividad = rest % 40 + 1
            programa = (rest // 40) % 12 + 11
            entidad_index = rest // 480
            entidad = 11130000 + entidad_index
            name = ENTITY_WORDS[entidad_index % len(ENTITY_WORDS)]
            asignado = 100_000 + (i * 7919) % 90_000_000
            modificado = asignado * (i % 21 - 10) // 100
            vigente = asignado + modificado
            devengado = max(0, vigente) * (60 + i % 35) // 100
            comprometido = devengado + max(0, vigente - devengado) // 3
            pagado = devengado * 9 // 10
            monthly = [devengado // 12] * 11 + [devengado - devengado // 12 * 11]
            f.write(";".join([
                "2022", str(entidad), name, f"{1 + entidad_index % 3:03d}", str(programa), "00", "000",
                f"{actividad:03d}", "000", renglon, fuente, organismo, correlativo, f"{101 + entidad_index % 22:04d}",
                money(asignado), money(modificado), money(vigente), money(comprometido), money(devengado),
                money(pagado)] + [money(m) for m in monthly]) + "\r\n")


def main():
    kind, count, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    if kind != "ejecucion":
        sys.exit(f"tipo desconocido: {kind}")
    ejecucion(count, path)


if __name__ == "__main__":
    main()
