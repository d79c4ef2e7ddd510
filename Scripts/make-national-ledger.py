#!/usr/bin/env python3
"""Fills a ledger made by `transparencia init` with a synthetic national fiscal year, for Scripts/bench-export:
every buying unit's procurement (NOGs with items, parties, awards to companies and to natural persons, rare
contracts), every entity's budget lines at a December cut-off with the parts of their modifications and 12 months
of devengado, and input-level execution tying NOGs to budget lines.

Rows are written straight into the ledger's tables (the schema of migration v8-execution-modifications, or v10-monthly-columns), which is
what an import of the same data would leave, in a fraction of the time. Deterministic: the same arguments give the
same ledger.

Usage: make-national-ledger.py LEDGER [NOGS] [BUDGET_LINES]   (defaults 200000 and 250000)
"""
import random
import sqlite3
import sys

MODALITIES = [
    ("compra_directa_oferta_electronica", "Compra Directa con Oferta Electrónica (Art. 43 LCE Inciso b)", 0.55),
    ("baja_cuantia", "Compra de Baja Cuantía (Art.43 inciso a)", 0.30),
    ("cotizacion", "Cotización (Art. 38 LCE)", 0.08),
    ("licitacion_publica", "Licitación Pública (Art. 17 LCE)", 0.04),
    ("casos_excepcion", "Procedimientos Regulados por el artículo 44 LCE (Casos de Excepción)", 0.03),
]
STATUS = [("Adjudicado", "complete", 0.45), ("Finalizado adjudicado", "complete", 0.15), ("Vigente", "active", 0.2),
          ("Evaluación", "active", 0.1), ("Desierto", "unsuccessful", 0.05), ("Prescindido", "withdrawn", 0.05)]
WORDS = ("ADQUISICION SERVICIO SUMINISTRO COMPRA MANTENIMIENTO REPARACION ALIMENTOS MEDICAMENTOS EQUIPO MATERIAL "
         "OFICINA HOSPITAL ESCUELA MUNICIPALIDAD CONSTRUCCION INSUMOS LIMPIEZA COMBUSTIBLE PAPELERIA VEHICULOS").split()
MONTH_COLUMNS = [f"devengado_{month:02d}" for month in range(1, 13)]
RENGLONES = ["011", "029", "031", "071", "072", "111", "113", "122", "133", "141", "151", "165", "185", "199", "211",
             "241", "262", "291", "292", "295", "322", "328", "411", "419", "435", "911"]


def pick(rng, weighted):
    r = rng.random()
    for item in weighted:
        r -= item[-1]
        if r <= 0:
            return item
    return weighted[-1]


def main():
    path = sys.argv[1]
    nogs = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
    lines = int(sys.argv[3]) if len(sys.argv) > 3 else 250_000
    rng = random.Random(2022)
    db = sqlite3.connect(path)
    db.execute("PRAGMA foreign_keys = OFF")
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    runs = []
    for kind, name in [("ocds", "2022-nacional.json"), ("ejecucion", "ejecucion-nacional-2022.csv"),
                       ("vinculos", "insumos-nacional-2022.csv")]:
        cur = db.execute(
            "INSERT INTO import_run (source_kind, file_name, sha256, bytes, started_at, finished_at, rows_read,"
            " rows_accepted, rows_rejected, tool_version) VALUES (?, ?, ?, ?, '2023-01-15 10:00:00.000',"
            " '2023-01-15 10:05:00.000', 0, 0, 0, 'generador')",
            (kind, name, f"{rng.getrandbits(256):064x}", 1))
        runs.append(cur.lastrowid)
    ocds_run, execution_run, links_run = runs

    suppliers = [(f"{rng.randint(1000000, 99999999)}", f"EMPRESA {rng.choice(WORDS)} {i}, SOCIEDAD ANONIMA")
                 for i in range(30_000)]
    persons = [(f"{rng.randint(1000000, 99999999)}", f"APELLIDO{i},OTRO{i},,NOMBRE{i},SEGUNDO")
               for i in range(8_000)]
    evidence = []
    for index in range(nogs):
        nog = str(16_000_000 + index * 3 + rng.randint(0, 2))
        entity = 11_000_000 + rng.randint(1, 400)
        unit = f"{rng.randint(1, 1600)}-{rng.randint(1, 20)}"
        month = rng.randint(1, 12)
        day = rng.randint(1, 28)
        published = f"2022-{month:02d}-{day:02d}T{rng.randint(7, 18):02d}:{rng.randint(0, 59):02d}:00-06:00"
        code, text, _ = pick(rng, MODALITIES)
        status, ocds_status, _ = pick(rng, STATUS)
        awarded = status in ("Adjudicado", "Finalizado adjudicado")
        award_date = f"2022-{month:02d}-{min(28, day + 5):02d}T10:00:00-06:00" if awarded else None
        cur = db.execute(
            "INSERT INTO procurement (nog, ocid, title, buyer_entity_code, buyer_entity_name, buying_unit_code,"
            " buying_unit_name, modality_code, modality_text, status, ocds_status, category, published_at,"
            " awarded_at, last_updated_at, release_ids, content_hash, import_run_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'goods', ?, ?, ?, ?, ?, ?)",
            (nog, f"ocds-xqjsxa-{nog}", " ".join(rng.choice(WORDS) for _ in range(6)), str(entity),
             f"ENTIDAD {entity}", unit, f"UNIDAD {unit}", code, text, status, ocds_status, published, award_date,
             award_date or published, f"GT-NOG-{nog}-T637833348310004118", f"{rng.getrandbits(64):016x}", ocds_run))
        procurement = cur.lastrowid
        for position in range(rng.randint(1, 3)):
            db.execute(
                "INSERT INTO procurement_item (procurement_id, position, item_id, description, classification_scheme,"
                " classification_id, quantity, unit_name) VALUES (?, ?, ?, ?, 'UNSPSC', ?, ?, 'Unidad')",
                (procurement, position, f"{rng.getrandbits(128):032X}", " ".join(rng.choice(WORDS) for _ in range(4)),
                 str(rng.randint(10000000, 99999999)), str(rng.randint(1, 500))))
        db.execute(
            "INSERT INTO procurement_party (procurement_id, party_id, scheme, identifier, name, roles, member_of)"
            " VALUES (?, ?, 'GT-CISP', ?, ?, 'buyer', NULL)",
            (procurement, f"GT-CISP-{entity}", str(entity), f"ENTIDAD {entity}"))
        if not awarded:
            continue
        for _ in range(1 if rng.random() < 0.8 else rng.randint(2, 4)):
            nit, name = rng.choice(persons) if rng.random() < 0.15 else rng.choice(suppliers)
            amount = rng.randint(100_000, 90_000_000)
            db.execute(
                "INSERT INTO award (procurement_id, award_id, supplier_scheme, supplier_id, supplier_name, amount,"
                " status, status_details, date) VALUES (?, ?, 'GT-NIT', ?, ?, ?, 'active', 'Habilitado', ?)",
                (procurement, f"GT-ADJ-{nog}-{nit}", nit, name, amount, award_date))
            if rng.random() < 0.4:
                evidence.append((nog, entity, amount))
        if rng.random() < 0.05:
            db.execute(
                "INSERT INTO contract (procurement_id, contract_id, award_id, contract_number, status, date_signed,"
                " amount, period_start, period_end) VALUES (?, ?, NULL, ?, 'active', ?, ?, ?, ?)",
                (procurement, f"NOG-{nog}-CON-{rng.getrandbits(128):032X}", f"DA-{index}-2022", award_date,
                 rng.randint(100_000, 90_000_000), award_date, "2022-12-31T00:00:00-06:00"))

    cur = db.execute(
        "INSERT INTO budget_snapshot (import_run_id, ejercicio, mes, fecha_corte, corte, lines)"
        " VALUES (?, 2022, 12, NULL, '2022-12-31', ?)", (execution_run, lines))
    snapshot = cur.lastrowid
    # Since migration v10-monthly-columns the months are columns of the snapshot line (budget_snapshot_month is
    # a view of them); older ledgers keep one row per month.
    month_columns = db.execute("SELECT type FROM sqlite_master WHERE name = 'budget_snapshot_month'").fetchone()[0] == "view"
    for index in range(lines):
        renglon = RENGLONES[index % len(RENGLONES)]
        rest = index // len(RENGLONES)
        entity = 11_000_000 + 1 + rest % 400
        activity = rest // 400
        cur = db.execute(
            "INSERT INTO budget_line (ejercicio, entidad, unidad_ejecutora, programa, subprograma, proyecto, actividad,"
            " obra, renglon, fuente, ubicacion_geografica, grupo, nombres) VALUES (2022, ?, '001', ?, '00', '000', ?,"
            " '000', ?, '11', '0101', ?, ?)",
            (str(entity), f"{activity % 90 + 1:02d}", f"{activity % 1000:03d}", renglon, renglon[0] + "00",
             '{"actividad":"ACTIVIDAD %d"}' % (activity % 500)))
        line = cur.lastrowid
        asignado = 100_000_000 + (index * 7919) % 500_000_000
        adicion = (index * 31) % 10_000_000
        disminucion = (index * 17) % 5_000_000
        vigente = asignado + adicion - disminucion
        devengado = vigente * 9 // 10
        cur = db.execute(
            "INSERT INTO budget_snapshot_line (budget_snapshot_id, budget_line_id, source_line, asignado, modificado,"
            " vigente, precomprometido, comprometido, devengado, pagado, adiciones, disminuciones, traspasos_positivos,"
            " traspasos_negativos) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, 0, 0)",
            (snapshot, line, index + 2, asignado, adicion - disminucion, vigente, devengado, devengado, devengado,
             adicion, disminucion))
        snapshot_line = cur.lastrowid
        monthly = devengado // 12
        months = [monthly if month < 12 else devengado - monthly * 11 for month in range(1, 13)]
        if month_columns:
            db.execute(f"UPDATE budget_snapshot_line SET {', '.join(c + ' = ?' for c in MONTH_COLUMNS)} WHERE id = ?",
                       months + [snapshot_line])
        else:
            db.executemany(
                "INSERT INTO budget_snapshot_month (budget_snapshot_line_id, mes, devengado) VALUES (?, ?, ?)",
                [(snapshot_line, month, amount) for month, amount in enumerate(months, start=1)])

    for line_number, (nog, entity, amount) in enumerate(evidence, start=2):
        db.execute(
            "INSERT INTO link_evidence (import_run_id, kind, line, ejercicio, nog, entidad, unidad_ejecutora, programa,"
            " subprograma, proyecto, actividad, obra, renglon, monto) VALUES (?, 'insumo', ?, 2022, ?, ?, '001', '01',"
            " '00', '000', '001', '000', ?, ?)",
            (links_run, line_number, nog, str(entity), rng.choice(RENGLONES), amount))
    db.commit()
    counts = {table: db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
              for table in ["procurement", "award", "budget_line", "budget_snapshot_month", "link_evidence"]}
    print(", ".join(f"{table}: {count:,}" for table, count in counts.items()))


if __name__ == "__main__":
    main()
