#!/usr/bin/env python3
"""Writes a deterministic national year (2022) for Scripts/bench-link: the files a ledger needs before linking.

  metas.csv              products of every entity (one programa/actividad each), with their directorates
  ejecucion.csv          budget lines of those structures: renglón × fuente × ubicación (SICOIN shape, `;`)
  compras-base.csv       procurement published January–November (flat Guatecompras export, Windows-1252, `;`)
  compras-diciembre.csv  procurement published in December: the "new monthly file" of the re-link measurement
  vinculos-base.csv      input-level execution tying NOGs to budget lines (some rows ambiguous or unknown)
  vinculos-diciembre.csv the same for December's NOGs
  reglas.toml            a rules file (keywords, modalities, amounts) that links part of what evidence does not
  manuales.csv           manual links for a few hundred NOGs

Sizes follow the issue: PROCUREMENTS NOGs (default 200,000), LINES budget lines (default 1,000,000), EVIDENCE
evidence rows (default 300,000). Every NIT passes the modulo-11 check digit; codes keep their leading zeros.
Written row by row: the generator never holds a file in memory.

Usage: bench-link-generate.py OUTPUT_DIR [PROCUREMENTS LINES EVIDENCE]
"""
import os
import random
import sys

OUT = sys.argv[1]
PROCUREMENTS = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
LINES = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
EVIDENCE = int(sys.argv[4]) if len(sys.argv) > 4 else 300_000
rng = random.Random(2022)

RENGLONES = ["011", "022", "029", "031", "071", "072", "111", "112", "113", "121", "122", "133", "141", "142", "151",
             "153", "155", "158", "162", "165", "171", "181", "183", "185", "186", "189", "191", "196", "199", "211",
             "214", "233", "241", "243", "262", "267", "291", "292", "295", "298", "322", "323", "325", "328", "329",
             "413", "419", "435", "472", "911"]
FUENTES = ["11", "12", "21", "22", "29", "31", "32", "41", "52", "61"]
PRODUCTS_PER_ENTITY = 5
STRUCTURES = max(1, LINES // (len(RENGLONES) * len(FUENTES)))
ENTITIES = max(1, STRUCTURES // PRODUCTS_PER_ENTITY)
MODALITIES = [
    ("Compra Directa con Oferta Electrónica (Art. 43 LCE Inciso b)", 0.55, 10_000, 90_000),
    ("Compra de Baja Cuantía (Art.43 inciso a)", 0.30, 500, 25_000),
    ("Cotización (Art. 38 LCE)", 0.10, 90_000, 900_000),
    ("Licitación Pública (Art. 17 LCE)", 0.05, 900_000, 9_000_000),
]
WORDS = ["ALIMENTOS", "MEDICAMENTOS", "COMBUSTIBLE", "PAPELERIA", "MOBILIARIO", "EQUIPO DE COMPUTO", "LIMPIEZA",
         "MANTENIMIENTO DE VEHICULOS", "ARRENDAMIENTO DE EDIFICIO", "CAPACITACION", "IMPRESION", "TRANSPORTE",
         "UNIFORMES", "AGUA PURIFICADA", "REPARACION DE EDIFICIOS", "INSUMOS MEDICOS", "SERVICIO DE SEGURIDAD"]
PLACES = ["OFICINAS CENTRALES", "HOSPITAL", "ESCUELA", "CENTRO DE SALUD", "DIRECCION DEPARTAMENTAL", "BODEGA"]


def nit(number):
    """A NIT whose check character is right (modulo 11, K for 10)."""
    body = str(number)
    total = sum(int(d) * w for d, w in zip(reversed(body), range(2, 2 + len(body))))
    check = (11 - total % 11) % 11
    return body + ("K" if check == 10 else str(check))


def money(centavos):
    q, c = divmod(centavos, 100)
    return f"{q:,}.{c:02d}"


def structure(index):
    """(entidad, ue, programa, actividad) of structure `index`: five products per entity."""
    entity, k = divmod(index, PRODUCTS_PER_ENTITY)
    return f"{11100000 + entity:08d}", f"{100 + entity % 900:03d}", f"{11 + k:02d}", f"{1 + k:03d}"


def write_metas():
    with open(os.path.join(OUT, "metas.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("ejercicio,nivel,codigo,producto_padre,direccion_codigo,direccion,nombre,unidad_medida,meta_fisica,"
                "presupuesto_vigente,entidad,unidad_ejecutora,programa,subprograma,proyecto,actividad,obra\r\n")
        for s in range(STRUCTURES):
            entidad, ue, programa, actividad = structure(s)
            f.write(f"2022,producto,E{s // PRODUCTS_PER_ENTITY}-P{s % PRODUCTS_PER_ENTITY + 1},,E{s // PRODUCTS_PER_ENTITY}-D{s % PRODUCTS_PER_ENTITY + 1},"
                    f"Dirección {s % PRODUCTS_PER_ENTITY + 1} de la entidad {entidad},Producto {s} de la entidad {entidad},Persona,"
                    f"{100 + s % 900},{1000 + s}.00,{entidad},{ue},{programa},00,000,{actividad},000\r\n")


def write_execution():
    header = ["EJERCICIO", "ENTIDAD", "UNIDAD EJECUTORA", "PROGRAMA", "SUBPROGRAMA", "PROYECTO", "ACTIVIDAD", "OBRA",
              "RENGLÓN", "FUENTE", "UBICACIÓN GEOGRÁFICA", "ASIGNADO", "MODIFICADO", "VIGENTE", "COMPROMETIDO",
              "DEVENGADO", "PAGADO"]
    with open(os.path.join(OUT, "ejecucion.csv"), "w", encoding="cp1252", newline="") as f:
        f.write(";".join(header) + "\r\n")
        for s in range(STRUCTURES):
            entidad, ue, programa, actividad = structure(s)
            for renglon in RENGLONES:
                for fuente in FUENTES:
                    vigente = rng.randrange(100_000, 50_000_000)
                    comprometido = vigente * rng.randrange(60, 100) // 100
                    devengado = comprometido * rng.randrange(70, 100) // 100
                    pagado = devengado * rng.randrange(80, 100) // 100
                    f.write(";".join(["2022", entidad, ue, programa, "00", "000", actividad, "000", renglon, fuente, "0101",
                                      money(vigente), "0.00", money(vigente), money(comprometido), money(devengado),
                                      money(pagado)]) + "\r\n")


def write_procurement_and_evidence():
    """One flat-export line per award; evidence for three NOGs in four, one to three rows each."""
    header = "NOG CONCURSO;DESCRIPCIÓN;ENTIDAD COMPRADORA;UNIDAD COMPRADORA;MODALIDAD;ESTATUS;FECHA DE PUBLICACIÓN;" \
             "FECHA DE ADJUDICACIÓN;NIT;NOMBRE;MONTO"
    evidence_header = "EJERCICIO,NOG,NPG,ENTIDAD,UNIDAD_EJECUTORA,PROGRAMA,SUBPROGRAMA,PROYECTO,ACTIVIDAD,OBRA,RENGLON,NIT," \
                      "NOMBRE_PROVEEDOR,MONTO_DEVENGADO,FECHA_APROBADO"
    files = {}
    for name, encoding in [("compras-base.csv", "cp1252"), ("compras-diciembre.csv", "cp1252"),
                           ("vinculos-base.csv", "utf-8"), ("vinculos-diciembre.csv", "utf-8")]:
        files[name] = open(os.path.join(OUT, name), "w", encoding=encoding, newline="")
    files["compras-base.csv"].write(header + "\r\n")
    files["compras-diciembre.csv"].write(header + "\r\n")
    files["vinculos-base.csv"].write(evidence_header + "\r\n")
    files["vinculos-diciembre.csv"].write(evidence_header + "\r\n")
    evidence_per_linked = EVIDENCE / (PROCUREMENTS * 0.75)
    written_evidence = 0
    manual = []
    for i in range(PROCUREMENTS):
        nog = 17_000_000 + i
        month = 1 + i * 12 // PROCUREMENTS
        day = 1 + i % 28
        s = rng.randrange(STRUCTURES)
        entidad, ue, programa, actividad = structure(s)
        roll = rng.random()
        for modality, share, low, high in MODALITIES:
            roll -= share
            if roll <= 0:
                break
        word = rng.choice(WORDS)
        title = f"ADQUISICIÓN DE {word} PARA {rng.choice(PLACES)} {i % 97}"
        awarded = rng.random() < 0.85
        suppliers = 2 if awarded and rng.random() < 0.1 else 1
        compras = files["compras-diciembre.csv" if month == 12 else "compras-base.csv"]
        amounts = []
        for k in range(suppliers):
            supplier = nit(1_000_000 + (i * 7 + k * 131) % 400_000)
            amount = rng.randrange(low * 100, high * 100) if awarded else 0
            amounts.append((supplier, amount))
            compras.write(";".join([
                str(nog), title, f"ENTIDAD {entidad}", f"UNIDAD DE COMPRAS {entidad}", modality,
                "Adjudicado" if awarded else "Vigente", f"{day:02d}-{month:02d}-2022",
                f"{min(28, day + 10):02d}-{month:02d}-2022" if awarded else "", supplier if awarded else "",
                f"PROVEEDOR {supplier}, SOCIEDAD ANONIMA" if awarded else "", f"Q.{money(amount)}" if awarded else ""]) + "\r\n")
        if awarded and i % 400 == 7:
            manual.append((nog, s))
        if not awarded or rng.random() >= 0.88:  # 0.85 × 0.88 ≈ three NOGs in four have evidence
            continue
        rows = max(1, round(rng.gauss(evidence_per_linked, 0.6)))
        evidence = files["vinculos-diciembre.csv" if month == 12 else "vinculos-base.csv"]
        for r in range(rows):
            supplier, amount = amounts[r % len(amounts)]
            quirk = rng.random()
            row_programa, row_actividad = programa, actividad
            if quirk < 0.02:
                row_programa, row_actividad = "", ""  # ambiguous: fits every product of the entity
            elif quirk < 0.04:
                row_actividad = "099"  # an activity no product has
            part = max(1, amount // rows)
            evidence.write(",".join(["2022", str(nog), "", entidad, ue, row_programa, "00", "000", row_actividad, "000",
                                     rng.choice(RENGLONES[6:45]), supplier, "", f"{part // 100}.{part % 100:02d}",
                                     f"{min(28, day + 12):02d}/{month:02d}/2022"]) + "\r\n")
            written_evidence += 1
    for handle in files.values():
        handle.close()
    with open(os.path.join(OUT, "manuales.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("nog,producto,renglon,participacion,nota\r\n")
        for nog, s in manual:
            f.write(f"{nog},E{s // PRODUCTS_PER_ENTITY}-P{s % PRODUCTS_PER_ENTITY + 1},211,0.6,decisión de finanzas\r\n")
            other = (s // PRODUCTS_PER_ENTITY) * PRODUCTS_PER_ENTITY + (s + 1) % PRODUCTS_PER_ENTITY
            f.write(f"{nog},E{other // PRODUCTS_PER_ENTITY}-P{other % PRODUCTS_PER_ENTITY + 1},211,0.4,decisión de finanzas\r\n")
    return written_evidence, len(manual)


def write_rules():
    with open(os.path.join(OUT, "reglas.toml"), "w", encoding="utf-8") as f:
        f.write("ejercicio = 2022\n")
        for k, word in enumerate(WORDS):
            for p in range(2):
                f.write(f'\n[[regla]]\nid = "{word.lower().replace(" ", "-")}-{p}"\npalabras = ["{word.lower()}"]\n')
                f.write(f'modalidades = ["{["compra directa", "baja cuantia"][p]}"]\n')
                f.write(f'producto = "E{k % ENTITIES}-P{p + 1}"\nrenglon = "{RENGLONES[6 + k]}"\n')
        f.write('\n[[regla]]\nid = "grandes-licitaciones"\nmonto_minimo = "900000.00"\nmodalidades = ["licitacion publica"]\n'
                'reparto = [{ producto = "E0-P1", renglon = "211", participacion = "0.5" }, '
                '{ producto = "E0-P2", renglon = "211", participacion = "0.5" }]\n')


def main():
    os.makedirs(OUT, exist_ok=True)
    write_metas()
    write_execution()
    evidence, manual = write_procurement_and_evidence()
    write_rules()
    print(f"{ENTITIES} entidades, {STRUCTURES} productos, {STRUCTURES * len(RENGLONES) * len(FUENTES)} líneas, "
          f"{PROCUREMENTS} NOG, {evidence} filas de evidencia, {manual} NOG con vínculo manual")


if __name__ == "__main__":
    main()
