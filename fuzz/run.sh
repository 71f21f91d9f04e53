#!/usr/bin/env bash
# Runs every harness for SECONDS (default 60) from seed corpora made from the
# demo site; builds them first if needed. Crashes land in fuzz/artifacts/.
#   fuzz/run.sh [SECONDS] [HARNESS...]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SECONDS_EACH=${1:-60}
shift || true
BUILD_DIR=${BUILD_DIR:-build-fuzz}
WORK=${FUZZ_WORK:-$BUILD_DIR/corpus}
[ -x "$BUILD_DIR/fuzz/site_fuzzer" ] || fuzz/build.sh >/dev/null

# seed NAME: the demo's files that harness NAME starts from, one per line.
seed_files() {
  case $1 in
    front_matter_fuzzer|site_fuzzer) find content tests/sites tests/invalid -name '*.md' ;;
    markdown_fuzzer) find content -name '*.md' ;;
    config_fuzzer) find . tests -maxdepth 4 -name site.yaml -not -path './build*' ;;
    slug_date_fuzzer) ;;  # written below
    data_*_fuzzer) local stem=${1#data_}; stem=${stem%_fuzzer}; find data -name "$stem.*" 2>/dev/null || true ;;
  esac
}

seed() {
  local name=$1 dir=$WORK/$1
  mkdir -p "$dir"
  seed_files "$name" | while read -r f; do cp "$f" "$dir/seed-$(echo "$f" | md5sum | cut -c1-12)"; done
  if [ "$name" = slug_date_fuzzer ]; then
    local i=0
    for s in 2024-06-01 "2024-06-01T09:30:00+08:00" "2024-06-01 09:30" "2024-02-30" "red-property|2024-06-01-x" \
             "../../etc|passwd" "志愿 服务" "javascript:alert(1)" "/news/x/#锚点" "13800000001" "11010519491231002X"; do
      printf '%s' "$s" > "$dir/seed-$i"; i=$((i + 1))
    done
  fi
}

mkdir -p fuzz/artifacts
harnesses=("$@")
if [ ${#harnesses[@]} -eq 0 ]; then
  for h in "$BUILD_DIR"/fuzz/*_fuzzer; do harnesses+=("$(basename "$h")"); done
fi
status=0
for name in "${harnesses[@]}"; do
  seed "$name"
  echo "== $name: ${SECONDS_EACH}s"
  if ! "$BUILD_DIR/fuzz/$name" -max_total_time="$SECONDS_EACH" -max_len=65536 -rss_limit_mb=2048 \
        -artifact_prefix="fuzz/artifacts/$name-" -print_final_stats=1 "$WORK/$name" \
        2>"$WORK/$name.log"; then
    echo "FAIL $name: see $WORK/$name.log and fuzz/artifacts/"; status=1
  fi
  grep -E '^#[0-9]+[[:space:]]+DONE|stat::number_of_executed_units' "$WORK/$name.log" | tail -2 || true
done
exit $status
