#!/usr/bin/env bash
# Regenerates the flattened-OCDS fixtures of this folder from Samples/compras/ocds-sosep-2022.json with the
# reference tools of the Open Contracting Partnership (pip install flattentool ocdskit; jq, iconv and zip).
# Run from the repository root: Tests/ImportersTests/Fixtures/ocds-flat/make-fixtures.sh
set -euo pipefail
here="Tests/ImportersTests/Fixtures/ocds-flat"
sample="Samples/compras/ocds-sosep-2022.json"
schema="Scripts/ocds-1.1.5/release-schema.json"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# 1. Compiled releases. 24 records carry compiledRelease; 12 carry only their (full) releases, which ocdskit
#    compiles (merge rules of the OCDS 1.1.5 release schema). The package keeps the records' order.
jq -c '.records[] | select(.compiledRelease == null) | .releases[]' "$sample" \
    | ocdskit compile --schema "$schema" > "$work/compiled12.jsonl"
jq -s 'map({(.ocid): .}) | add' "$work/compiled12.jsonl" > "$work/compiled12.json"
jq --slurpfile compiled "$work/compiled12.json" \
    '{uri, version, extensions, publishedDate, publisher, license, publicationPolicy,
      releases: [.records[] | (.compiledRelease // $compiled[0][.ocid])]}' \
    "$sample" > "$work/compiled-releases.json"

# 2. The compiled releases flattened as the OCP Data Registry offers them: main sheet «releases», child sheets
#    joined on the release id; one XLSX and one ZIP of CSV (UTF-8).
flatten-tool flatten --root-list-path releases --main-sheet-name releases -f xlsx \
    -o "$work/releases.xlsx" "$work/compiled-releases.json"
flatten-tool flatten --root-list-path releases --main-sheet-name releases -f csv \
    -o "$work/releases-csv" "$work/compiled-releases.json"

# 3. The same CSV in Latin-1, as Guatecompras' CSV downloads come.
mkdir "$work/releases-csv-latin1"
for file in "$work"/releases-csv/*.csv; do
    iconv -f UTF-8 -t ISO-8859-1 "$file" > "$work/releases-csv-latin1/$(basename "$file")"
done

# 4. Guatecompras' own layout: the record package (each record with compiledRelease and its releases as links)
#    flattened with the ocid as root id: sheets «records», «releases», «com_awards», «com_awa_suppliers», …
jq --slurpfile compiled "$work/compiled12.json" \
    '{uri, version, extensions, publishedDate, publisher, license, publicationPolicy,
      records: [.records[] | {ocid,
        releases: [.releases[] | if .url then . else
            {url: ("https://ocds.guatecompras.gt/release/" + .id), date, tag} end],
        compiledRelease: (.compiledRelease // $compiled[0][.ocid])}]}' \
    "$sample" > "$work/records.json"
flatten-tool flatten --root-list-path records --main-sheet-name records --root-id ocid -f xlsx \
    -o "$work/records.xlsx" "$work/records.json"

rm -f "$here"/*.zip "$here"/*.xlsx
(cd "$work" && zip -q -X "$OLDPWD/$here/compiled-releases.zip" compiled-releases.json)
(cd "$work/releases-csv" && zip -q -X "$OLDPWD/$here/releases-csv.zip" *.csv)
(cd "$work/releases-csv-latin1" && zip -q -X "$OLDPWD/$here/releases-csv-latin1.zip" *.csv)
cp "$work/releases.xlsx" "$work/records.xlsx" "$here/"
ls -l "$here"
