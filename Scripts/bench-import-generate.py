#!/usr/bin/env python3
"""Writes a deterministic Guatecompras-shaped OCDS record package of about SIZE_MB megabytes, and (optionally)
the same processes as a release package, for Scripts/bench-import.

The shape follows FORMATS.md: one record per NOG with linked releases and a compiledRelease; parties GT-CISP
and GT-GCUC (plus suppliers GT-NIT/GT-GCID), 1-4 items with attributes, documents, bids in ~65 % of records
(amounts often 0.0), awards in ~18 %, contracts rare, dates with -06:00, some 0001-01-01 placeholders.
Written record by record: the generator itself never holds the whole package.

Usage: bench-import-generate.py SIZE_MB RECORDS_OUT [RELEASES_OUT]
"""
import json
import random
import sys

MODALITIES = [
    ("Compra Directa con Oferta Electrónica (Art. 43 LCE Inciso b)", 0.90, 25000, 90000),
    ("Procedimientos regulados por el artículo 54 LCE", 0.025, 5000, 500000),
    ("Cotización (Art. 38 LCE)", 0.03, 90000, 900000),
    ("Licitación Pública (Art. 17 LCE)", 0.015, 900000, 9000000),
    ("Arrendamiento o Adquisición de Bienes Inmuebles (Art.43 inciso e)", 0.01, 20000, 300000),
    ("Procedimientos Regulados por el artículo 44 LCE (Casos de Excepción)", 0.01, 10000, 400000),
    ("Adquisición Directa por Ausencia de Oferta", 0.01, 10000, 90000),
]
STATUS = [("Evaluación", "active", 0.47), ("Vigente", "active", 0.28), ("Adjudicado", "complete", 0.18),
          ("Desierto", "unsuccessful", 0.035), ("Prescindido", "withdrawn", 0.035)]
WORDS = ("ADQUISICION SERVICIO SUMINISTRO COMPRA MANTENIMIENTO REPARACION ALIMENTOS MEDICAMENTOS EQUIPO MATERIAL "
         "OFICINA HOSPITAL ESCUELA MUNICIPALIDAD CONSTRUCCION INSUMOS LIMPIEZA COMBUSTIBLE PAPELERIA VEHICULOS "
         "MOBILIARIO COMPUTO IMPRESION CAPACITACION TRANSPORTE AGUA ENERGIA DRENAJE CARRETERA PUENTE").split()


def hexid(rng):
    return f"{rng.getrandbits(128):032X}"


def text(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def date(rng, month, day=None, hour=None):
    return f"2026-{month:02d}-{day or rng.randint(1, 28):02d}T{hour if hour is not None else rng.randint(7, 18):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}-06:00"


def process(rng, index):
    nog = str(29000000 + index * 7 + rng.randint(0, 6))
    ocid = f"ocds-xqjsxa-{nog}"
    ent = rng.randint(1, 1600)
    unit = rng.randint(1, 20)
    cisp = f"1{rng.randint(1000000, 2999999)}"
    r = rng.random()
    acc = 0
    for label, share, low, high in MODALITIES:
        acc += share
        if r <= acc:
            break
    r = rng.random()
    acc = 0
    for details, status, share in STATUS:
        acc += share
        if r <= acc:
            break
    published = date(rng, 5)
    entity_name = f"MUNICIPALIDAD DE {text(rng, 2)}"
    parties = [
        {"identifier": {"scheme": "GT-CISP", "id": cisp}, "address": {"streetAddress": text(rng, 6), "locality": text(rng, 1), "region": text(rng, 1), "countryName": "GUATEMALA"},
         "contactPoint": {"name": text(rng, 3), "email": "compras@example.gt", "telephone": str(rng.randint(22000000, 79999999))},
         "details": {"type": {"id": "1", "description": "Sector Público"}, "entityType": {"id": "6", "description": "Gobiernos Locales (Municipalidades, Mancomunidades, etc.)"}, "level": {"id": "59", "description": "Municipalidad"}},
         "roles": ["buyer"], "name": entity_name, "id": f"GT-CISP-{cisp}"},
        {"identifier": {"scheme": "GT-GCUC", "id": f"{ent}-{unit}"}, "memberOf": [{"id": f"GT-CISP-{cisp}", "name": entity_name}],
         "details": {"type": {"id": "1", "description": "Sector Público"}, "entityType": {"id": "6"}},
         "roles": ["buyer"], "name": f"UNIDAD DE COMPRAS {unit}", "id": f"GT-GCUC-{ent}-{unit}"},
    ]
    items = [{"id": hexid(rng), "description": text(rng, rng.randint(4, 12)), "classification": {"scheme": "UNSPSC", "id": str(rng.randint(10000000, 95000000))},
              "quantity": float(rng.randint(1, 2000)), "unit": {"name": rng.choice(["Unidad", "Metro", "Hora", "Servicio", "Galón"])},
              "attributes": [{"value": " " + text(rng, rng.randint(3, 20)) + "; ", "id": hexid(rng), "name": rng.choice(["Características", "Características Adicionales"])} for _ in range(rng.randint(3, 10))]}
             for _ in range(rng.choice([1, 1, 1, 2, 2, 3, 4]))]
    documents = [{"id": hexid(rng), "documentType": "purchaseRequest", "title": text(rng, 3), "documentTypeDetails": text(rng, 3),
                  "url": f"http://www.guatecompras.gt/concursos/files/{rng.randint(1000, 9999)}/{nog}@{hexid(rng)[:10]}.pdf",
                  "datePublished": published, "format": "application/pdf", "language": "es"} for _ in range(rng.randint(3, 14))]
    tender = {"id": f"GT-NOG-{nog}", "title": text(rng, rng.randint(6, 20)), "status": status, "statusDetails": details,
              "procurementMethod": "open", "procurementMethodDetails": label, "mainProcurementCategory": rng.choice(["goods", "goods", "services", "works"]),
              "submissionMethod": ["electronicSubmission"], "datePublished": published,
              "tenderPeriod": {"startDate": published} if rng.random() < 0.75 else {"startDate": published, "endDate": "0001-01-01T00:00:00-06:00"},
              "numberOfTenderers": 0, "items": items, "documents": documents,
              "procuringEntity": {"id": f"GT-NIT-{rng.randint(100000, 9999999)}", "name": entity_name}}
    base = {"ocid": ocid, "date": published, "language": "es", "tag": ["tender"], "initiationType": "tender",
            "parties": parties, "buyer": tender["procuringEntity"], "tender": tender,
            "sources": [{"url": "https://www.guatecompras.gt", "id": "GUATECOMPRAS", "name": "Sistema de Información de Contrataciones y Adquisiciones del Estado"}],
            "dataSegmentation": {"id": "2026-05", "criteria": ["añoPublicaciónConvocatoria", "mesPublicaciónConvocatoria"]}}
    releases = [dict(base, id=f"GT-NOG-{nog}-T639{rng.randint(10**14, 10**15 - 1)}", publishedDate=date(rng, 5, hour=1))]
    if details != "Vigente":
        later = json.loads(json.dumps(base))
        bidders = []
        for _ in range(rng.randint(1, 4)):
            nit = str(rng.randint(100000, 99999999))
            sid = f"GT-NIT-{nit}" if rng.random() < 0.97 else f"GT-GCID-CO-{hexid(rng)}"
            bidders.append({"id": sid, "name": rng.choice([text(rng, 3) + ", SOCIEDAD ANONIMA", f"{text(rng,1)},{text(rng,1)},,{text(rng,1)},"])})
        later["bids"] = {"details": [{"id": hexid(rng), "date": date(rng, 5), "status": "valid",
                                      "value": {"amount": 0.0 if rng.random() < 0.6 else round(rng.uniform(low, high), 2), "currency": "GTQ"},
                                      "tenderers": [b]} for b in bidders]}
        later["tender"]["tenderers"] = bidders
        later["tender"]["numberOfTenderers"] = len(bidders)
        for b in bidders:
            later["parties"].append({"id": b["id"], "name": b["name"], "identifier": {"scheme": b["id"][:7], "id": b["id"][7:]}, "roles": ["tenderer"]})
        if details == "Adjudicado":
            winners = bidders[:rng.choice([1, 1, 1, 2])]
            later["awards"] = [{"id": f"GT-ADJ-{nog}-{w['id'].split('-', 2)[2]}", "title": tender["title"], "status": "active", "statusDetails": "Habilitado",
                                "date": date(rng, 6), "value": {"amount": round(rng.uniform(low, high), 2), "currency": "GTQ"},
                                "suppliers": [w]} for w in winners]
            for p in later["parties"]:
                if any(p["id"] == w["id"] for w in winners):
                    p["roles"] = ["tenderer", "supplier"]
            if rng.random() < 0.02:
                a = later["awards"][0]
                later["contracts"] = [{"id": f"NOG-{nog}-CON-{hexid(rng)}", "awardID": a["id"], "title": a["title"], "status": "active",
                                       "statusDetails": "Adjudicado", "contractNumber": f"DAJ-{rng.randint(1, 999):03d}-2026",
                                       "dateSigned": "2026-06-20T00:00:00-06:00", "value": a["value"],
                                       "period": {"startDate": "2026-06-20T00:00:00-06:00", "endDate": "2026-12-31T00:00:00-06:00"}}]
        later["date"] = date(rng, 6)
        later["tag"] = ["award"] if "awards" in later else ["tenderUpdate"]
        later["id"] = f"GT-NOG-{nog}-T639{rng.randint(10**14, 10**15 - 1)}"
        later["publishedDate"] = date(rng, 6, hour=1)
        releases.append(later)
    compiled = json.loads(json.dumps(releases[-1]))
    compiled["id"] = f"{ocid}-{compiled['date']}"
    compiled["tag"] = ["compiled"]
    compiled.pop("publishedDate", None)
    record = {"ocid": ocid, "releases": [{"url": f"https://ocds.guatecompras.gt/release/{r['id']}", "date": r["date"], "tag": r["tag"]} for r in releases],
              "compiledRelease": compiled}
    return record, releases


def main():
    size = float(sys.argv[1]) * 1_000_000
    records_out = open(sys.argv[2], "w", encoding="utf-8")
    releases_out = open(sys.argv[3], "w", encoding="utf-8") if len(sys.argv) > 3 else None
    rng = random.Random(20260515)
    head = {"uri": "https://ocds.guatecompras.gt/file/json/2026/5", "version": "1.1", "extensions": [],
            "publishedDate": "2026-05-15T04:12:40.149946-06:00",
            "publisher": {"name": "Guatemala - Ministerio de Finanzas Públicas - DGAE", "uri": "https://www.guatecompras.gt"},
            "license": "https://creativecommons.org/licenses/by/4.0",
            "publicationPolicy": "https://www.guatecompras.gt/descargas/politica_publicacion.pdf"}
    prefix = json.dumps(head, ensure_ascii=False, separators=(",", ":"))[:-1]
    records_out.write(prefix + ',"records":[')
    if releases_out:
        releases_out.write(prefix + ',"releases":[')
    written = 0
    count = 0
    first_release = True
    while written < size:
        record, releases = process(rng, count)
        chunk = ("," if count else "") + json.dumps(record, ensure_ascii=False, separators=(",", ":"))
        records_out.write(chunk)
        written += len(chunk.encode("utf-8"))
        if releases_out:
            for release in releases:
                releases_out.write(("" if first_release else ",") + json.dumps(release, ensure_ascii=False, separators=(",", ":")))
                first_release = False
        count += 1
    records_out.write("]}")
    records_out.close()
    if releases_out:
        releases_out.write("]}")
        releases_out.close()
    print(count)


if __name__ == "__main__":
    main()
