#!/usr/bin/env bash
# One person's path through the API, from koppeling to PIP, against a running Development app
# (dotnet run --project src/Inburgering.Web). Uses the seeded demo integration of Almelo.
set -euo pipefail
base=${BASE:-http://localhost:5080}
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

token=$(curl -sf "$base/connect/token" -d grant_type=client_credentials -d client_id=demo-almelo \
  -d client_secret=demo-geheim-almelo-2026 -d scope=inburgering | json "['access_token']")
auth=(-H "Authorization: Bearer $token" -H "Content-Type: application/json")
today=$(date +%F); day() { date -d "$today $1 days" +%F; }

# Write a section with the current ETag; print the new fase.
put() { # method path body
  local etag; etag=$(curl -sf -o /dev/null -D - "${auth[@]}" "$base/api/v1/dossiers/$id" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
  curl -sf -X "$1" "${auth[@]}" -H "If-Match: $etag" "$base/api/v1/dossiers/$id$2" -d "$3" | json "['fase']"
}

vnummer=$(printf '9%09d' $((RANDOM * RANDOM % 1000000000)))
id=$(curl -sf "${auth[@]}" "$base/api/v1/dossiers" -d "{
  \"vNummer\": \"$vnummer\", \"voornamen\": \"Amal\", \"achternaam\": \"Haddad\", \"geboortedatum\": \"1990-03-14\",
  \"geslacht\": \"vrouw\", \"landVanHerkomst\": \"Syrië\", \"talen\": [\"Arabisch\"], \"huishoudenGrootte\": 3,
  \"vergunningdatum\": \"$(day -130)\", \"koppelingsdatum\": \"$(day -120)\"}" | json "['id']")
echo "dossier $id (V-nummer $vnummer)"
# A PUT replaces the whole section: every member is named, null where nothing is known.
echo "overdracht:            $(put PUT /overdracht "{\"opleiding\": \"Middelbare school\", \"werkervaring\": null, \"talen\": [\"Arabisch\"],
  \"zichtbareBeperkingen\": null, \"voorinburgeringDeelname\": null, \"voorinburgeringVoortgang\": null, \"telefoon\": null, \"email\": null,
  \"beschikbaarheid\": null, \"driegesprekGewenst\": true, \"persoonlijkeOverdrachtOp\": \"$(day -112)\"}")"
echo "kennismakingsgesprek:  $(put PUT /kennismakingsgesprek "{\"gepland\": null, \"gehouden\": \"$(day -110)\", \"locatie\": \"azc\", \"driegesprek\": true, \"adres\": null, \"link\": null}")"
echo "scenario 2:            $(put PUT /scenario "{\"scenario\": 2, \"besluitdatum\": \"$(day -110)\", \"tenzijRedenen\": [], \"toelichting\": null}")"
echo "brede intake:          $(put PUT /brede-intake "{\"aanbieder\": \"Refugee Team\", \"startdatum\": \"$(day -100)\", \"einddatum\": \"$(day -30)\",
  \"leerbaarheidstoetsDatum\": null, \"leerbaarheidstoetsUitkomst\": null, \"opleidingEnWerk\": null, \"persoonlijkeOmstandigheden\": null, \"geplandeStartdatum\": null}")"
echo "kennisgeving DUO:      $(put PATCH "" "{\"kennisgevingDuo\": \"$(day -115)\"}")"
echo "PIP:                   $(put POST /pip "{\"dagtekening\": \"$(day -20)\", \"leerroute\": \"B1\", \"knm\": true, \"pvt\": true, \"map\": true}")"
curl -sf "${auth[@]}" "$base/api/v1/dossiers/$id" | python3 -c "import json,sys; d=json.load(sys.stdin); print('termijn:', d['termijn']['start'], 'tot', d['termijn']['einde'], '| PIP-deadline was', d['pip']['deadline'])"
curl -sf "${auth[@]}" "$base/api/v1/dossiers/$id/tijdlijn" | python3 -c "import json,sys; [print(' ', e['tijdstip'][:19], e['soort']) for e in json.load(sys.stdin)]"
sleep 2 # the worker re-evaluates a changed dossier within about a second
echo "open signalen:"
curl -sf "${auth[@]}" "$base/api/v1/dossiers/$id/signalen" | python3 -c "import json,sys; [print(' ', s['ernst'], s['soort'] + ':', s['tekst']) for s in json.load(sys.stdin)]"
