#!/usr/bin/env bash
# Publish's promises at archive scale, by hand: broken data changes nothing,
# kill -9 mid-run leaves the old site, a second run is refused. On a copy of
# a published site (S is left untouched; W, default /tmp/rel, holds it):
#   cargo xtask bench archive 10000
#   X=target/xtask/xtask S=target/bench-archive/site-10000 e2e/tools/publish-at-scale.sh
set -u
X=${X:?}; S=${S:?}; W=${W:-/tmp/rel}
rm -rf "$W"; mkdir -p "$W"; cp -a "$S" "$W/s"; D=$W/s
digest() { (cd "$1" && find . -path ./.publish -prune -o -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16); }
IDX=$D/data/articles/index.json
echo "files: $(find $D/published -type f | wc -l)"
base=$(digest "$D")
run() { local name=$1; shift; local t0=$(date +%s.%N); "$X" publish "$D" > "$W/out" 2>&1; local rc=$?; local t1=$(date +%s.%N)
  printf '### %s\nexit %s, %.1f s, site %s\n' "$name" $rc "$(echo "$t1-$t0"|bc)" "$([ "$(digest "$D")" = "$1" ] && echo unchanged || echo CHANGED)"; grep -v '^\s*$' "$W/out" | head -3 | cut -c1-200; }
cp "$IDX" "$W/index.bak"
python3 - "$IDX" <<'PY'
import json,sys; p=sys.argv[1]; d=json.load(open(p)); d['articles'].append(dict(d['articles'][5000])); json.dump(d,open(p,'w'),ensure_ascii=False)
PY
b=$(digest "$D"); run "10k: an id listed twice" "$b"
cp "$W/index.bak" "$IDX"; cp "$D/data/cities.json" "$W/cities.bak"; echo '{"partners": [' > "$D/data/cities.json"
b=$(digest "$D"); run "10k: cities.json cut short" "$b"
cp "$W/cities.bak" "$D/data/cities.json"
A=$(python3 -c "import json;print(json.load(open('$IDX'))['articles'][4000]['id'])"); cp "$D/data/articles/$A.json" "$W/a.bak"; echo '{"id": "'$A'", "title": 5}' > "$D/data/articles/$A.json"
b=$(digest "$D"); run "10k: one article with a number for its title" "$b"
cp "$W/a.bak" "$D/data/articles/$A.json"
[ "$(digest "$D")" = "$base" ] && echo "data restored"
# an edit of every article's summary in the column: the column pages and feed change; kill -9 while the next copy is being written
python3 - "$IDX" <<'PY'
import json,sys; p=sys.argv[1]; d=json.load(open(p))
for e in d['articles']: e['summary']=(e.get('summary') or '')+'。'
json.dump(d,open(p,'w'),ensure_ascii=False)
PY
b=$(digest "$D"); "$X" publish "$D" > "$W/k.log" 2>&1 & P=$!
for i in $(seq 1 600); do [ -d "$D/.publish/next" ] && break; sleep 0.05; done
sleep 1; kill -9 $P; wait $P 2>/dev/null; echo "### 10k: kill -9 mid-run (published/ and data compared)"; echo "site $([ "$(digest "$D")" = "$b" ] && echo unchanged || echo CHANGED); left behind: $(ls $D/.publish)"
"$X" publish "$D" > "$W/p1.log" 2>&1 & P=$!
for i in $(seq 1 600); do [ -d "$D/.publish/next" ] && break; sleep 0.05; done
"$X" publish "$D" > "$W/p2.log" 2>&1; echo "### 10k: a second run while one runs: exit $?: $(head -1 "$W/p2.log" | cut -c1-200)"
wait $P; echo "first run: exit $?: $(tail -1 "$W/p1.log" | cut -c1-200)"
