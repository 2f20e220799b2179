#!/usr/bin/env bash
# How fast the command answers what needs no database, emulator or RunPod: --help, a usage error,
# and an invalid 1 000-row storyboard with local media. Run after `./mvnw -q package -DskipTests`:
#   src/test/scripts/answer-times.sh [runs]
# Prints the median and the slowest wall time of each case over [runs] launches (default 5).
set -euo pipefail
cd "$(dirname "$0")/../../.."
jar=target/storystudio.jar
runs=${1:-5}
[[ -f $jar ]] || { echo "build the jar first: ./mvnw -q package -DskipTests" >&2; exit 2; }

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp -r sample-data/media "$scratch/media"
{
  echo "scene_id,image,audio,prompt,resolution,sample_steps"
  for i in $(seq 1 1000); do
    steps=20
    (( i % 100 == 0 )) && steps=12   # ten rows with sample_steps outside 15-50
    echo "s$i,media/host.png,media/host-intro.wav,Scene $i,480p,$steps"
  done
} > "$scratch/storyboard.csv"

measure() {
  local label=$1 expected=$2; shift 2
  local times=() code
  for _ in $(seq 1 "$runs"); do
    local start end
    start=$(date +%s%N)
    set +e; java -jar "$jar" "$@" > /dev/null 2>&1; code=$?; set -e
    end=$(date +%s%N)
    [[ $code == "$expected" ]] || { echo "$label: exit $code, expected $expected" >&2; exit 1; }
    times+=($(( (end - start) / 1000000 )))
  done
  local sorted
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  printf '%-32s exit %s  median %5d ms  slowest %5d ms\n' "$label" "$expected" \
    "$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")" "$(echo "$sorted" | tail -1)"
}

echo "$(nproc) cores, $(java -version 2>&1 | head -1), $runs launches each"
measure "--help" 0 --help
measure "-h" 0 -h
measure "a typo (--runpod.poll-intervl)" 2 --input=x.csv --runpod.poll-intervl=1s
measure "a bad value (--max-in-flight=-1)" 2 --input=x.csv --max-in-flight=-1
measure "a typo in a Spring setting" 2 --input=x.csv --spring.datasource.ulr=jdbc:h2:mem:x
measure "invalid 1 000-row CSV" 2 --input="$scratch/storyboard.csv"
