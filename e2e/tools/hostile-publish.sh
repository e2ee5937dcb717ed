#!/usr/bin/env bash
# The hostile publish inputs of issue #21, re-run by hand on a copy of a
# published site, printing each exit status, what publish said and whether
# the site changed (sha256 of every file but .publish/):
#   X=target/xtask/xtask S=dist e2e/tools/hostile-publish.sh
# (S is left untouched; W, default /tmp/adv, holds the copy.)
set -u
X=${X:?}; S=${S:?}; W=${W:-/tmp/adv}
rm -rf "$W"; mkdir -p "$W"
digest() { (cd "$1" && find . -path ./.publish -prune -o -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16); }
fresh() { rm -rf "$W/s"; cp -a "$S" "$W/s"; }
try() { # name, then the command; prints exit, first 3 lines, whether site changed
  local name=$1; shift; local before; before=$(digest "$W/s")
  local t0=$(date +%s.%N); "$@" > "$W/out" 2>&1; local rc=$?; local t1=$(date +%s.%N)
  local after; after=$(digest "$W/s")
  printf '### %s\nexit %s, %.1f s, published %s\n' "$name" "$rc" "$(echo "$t1-$t0"|bc)" "$([ "$before" = "$after" ] && echo unchanged || echo CHANGED)"
  grep -v '^\s*$' "$W/out" | grep -iv "^publishing\|^  note" | head -4 | cut -c1-220
}
IDX=$W/s/data/articles/index.json
first_id() { python3 -c "import json;print(json.load(open('$IDX'))['articles'][0]['id'])"; }
fresh
python3 - "$IDX" <<'PY'
import json,sys; p=sys.argv[1]; d=json.load(open(p)); d['articles'].append(dict(d['articles'][0])); json.dump(d,open(p,'w'),ensure_ascii=False)
PY
try "id twice (second copy appended)" "$X" publish "$W/s"
fresh; python3 - "$IDX" <<'PY'
import json,sys; p=sys.argv[1]; d=json.load(open(p)); a=dict(d['articles'][0]); a['id']=a['id'].upper()+'X'; d['articles'].append(a); a2=dict(a); a2['id']=a['id'].lower(); d['articles'].append(a2); json.dump(d,open(p,'w'),ensure_ascii=False)
PY
try "two ids equal but for case" "$X" publish "$W/s"
fresh; python3 - "$IDX" <<'PY'
import json,sys; p=sys.argv[1]; d=json.load(open(p)); d['articles'][0]['title']='A\u000bB\u0000C'; d['articles'][0]['summary']='S\uffffT'; json.dump(d,open(p,'w'),ensure_ascii=True)
PY
try "title with U+000B and U+0000, summary with U+FFFF" "$X" publish "$W/s"
python3 -c "import xml.dom.minidom,sys;xml.dom.minidom.parse('$W/s/published/feed.xml');print('feed.xml well-formed')" 2>&1 | tail -1
fresh; python3 - "$W/s/data/readings.json" <<'PY'
import json,sys; p=sys.argv[1]
try: d=json.load(open(p))
except Exception: d={}
for n in range(20,26): d['漢あ'*n+'漢い'] = 'あ'*(4*n+4)
json.dump(d,open(p,'w'),ensure_ascii=False)
PY
try "readings.json: six entries of 20-25 kanji–kana pairs" "$X" publish "$W/s"
fresh; ID=$(first_id); mv "$W/s/data/articles/$ID.json" "$W/s/data/articles/$ID.json.off"; python3 - "$IDX" <<'PY'
import json,sys; p=sys.argv[1]; d=json.load(open(p)); d['articles']=d['articles'][1:]; json.dump(d,open(p,'w'),ensure_ascii=False)
PY
try "article withdrawn from data, not published: --check" "$X" publish "$W/s" --check
fresh
for o in $'https://a.example\nDisallow: /' $'https://a.ex\tample' 'https://user:pass@a.example' 'https://a.example:99999' 'ftp://a.example' 'https://a.example/path'; do
  try "--origin $(printf %q "$o")" "$X" publish "$W/s" --origin "$o"; done
fresh; ln -s /etc/passwd "$W/s/data/articles/evil.json"; try "a symlink in data/articles" "$X" publish "$W/s"
fresh; rm -f "$W/s/data/cities.json"; ln -s /dev/zero "$W/s/data/cities.json"; try "cities.json a link to /dev/zero" "$X" publish "$W/s"
fresh; rm -f "$W/s/data/cities.json"; mkfifo "$W/s/data/cities.json"; try "cities.json a FIFO" timeout 60 "$X" publish "$W/s"
fresh; echo '{"broken":' > "$W/s/data/cities.json"; try "broken cities.json" "$X" publish "$W/s"
# kill -9 mid-run and two runs at once: e2e/tools/publish-at-scale.sh (a small
# site publishes before either can be tried).
