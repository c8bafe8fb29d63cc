#!/usr/bin/env bash
# bench.sh: what building, testing and planning cost on this machine, against a floor.
#
# The floor is a bare program that blank-imports exactly the Pulumi SDK packages our code
# imports (derived with go list on every run, so it stays in sync): compiling those SDKs is a
# cost any program using them pays; everything above it is ours.
#
# A newcomer's loop, measured in a fresh clone of HEAD with its own, initially empty GOCACHE
# (each step prints progress; figures go to the terminal and .bench/results.txt):
#   1. `make plan` in the fresh clone (the first thing the README asks for)  goal <= 1.1 x floor, < 300 s
#      and the bare program's cold build (the floor; its own empty GOCACHE)
#   2. `make test` right after it                                            goal < 60 s
#   3. `go test ./...` with nothing changed                                  goal < 3 s
#   4. an edit to one component (BENCH_COMPONENT, default secrets), then its own tests,
#      `go test ./<component>/...`                                           goal < 10 s
#   5. an edit to stack/stack.go, then `go test ./...` (every test binary that links it)
#   6. the offline plan per stack (median of several runs of the built binary)
#   7. optional: the first real `pulumi preview` of dev after `make plan`, when
#      BENCH_LANGUAGE_HOST names a built pulumi-language-go (Pulumi's Go language host is not
#      a served module; see docs/performance.md). It compiles main.go with -trimpath, as
#      `make` does, so it should find every package already compiled.
#   8. which test binaries link which SDK services (go list -test -deps)
#
# Knobs: BENCH_SKIP_COLD=1 runs 3-6 in this checkout with the normal GOCACHE instead of a
# fresh clone; BENCH_EDIT_RUNS (3) and BENCH_PLAN_RUNS (7) set repetitions.
#
# Peak RSS is /usr/bin/time -v's "maximum resident set size": the largest single process
# (one compile or link), not the sum of the processes running side by side.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$PWD
mkdir -p .bench/logs
results=.bench/results.txt
: >"$results"
exec > >(tee -a "$results") 2>&1

component=${BENCH_COMPONENT:-secrets}
edit_runs=${BENCH_EDIT_RUNS:-3}
plan_runs=${BENCH_PLAN_RUNS:-7}
marker="// bench-edit-marker: appended by scripts/bench.sh, removed when it exits"
export GOPROXY=off # module cache must be warm; never reach out

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench.XXXXXX")
edited=() # files an edit step appended its marker to
unmark() { for f in "${edited[@]}"; do [ -f "$f" ] && sed -i '/bench-edit-marker/d' "$f"; done; }
cleanup() {
	unmark # only our marker lines: other edits to the files survive
	chmod -R u+w "$tmp" 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
for f in $(git ls-files '*.go'); do grep -qF bench-edit-marker "$f" && sed -i '/bench-edit-marker/d' "$f"; done # a killed run's

# The Makefile's flags (those of Pulumi's Go language host), so the floor, the steps run
# directly and `make` share one cache key, as they do for a user.
case " ${GOFLAGS:-} " in *" -trimpath "*) ;; *) export GOFLAGS="${GOFLAGS:-} -trimpath -buildvcs=false" ;; esac

say() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
have_py=$(command -v python3 || true)

declare -A WALL RSS RC

# measure NAME CMD...: runs CMD (output to .bench/logs/NAME.log), records wall seconds,
# peak RSS (MB) and exit status. A failing command is reported, not fatal.
measure() {
	local name=$1
	shift
	local log=.bench/logs/$name.log tv=$tmp/$name.time start end rc=0
	start=$(date +%s%N)
	/usr/bin/time -v -o "$tv" "$@" >"$log" 2>&1 || rc=$?
	end=$(date +%s%N)
	WALL[$name]=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
	RSS[$name]=$(awk -F: '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$tv")
	RC[$name]=$rc
	local cached=""
	if grep -q '^ok ' "$log"; then # go test: a re-run test needs its binary relinked
		cached=", $(grep -c '^ok .*(cached)' "$log" || true)/$(grep -c '^ok ' "$log") packages cached"
	fi
	say "  $name: ${WALL[$name]} s, peak RSS ${RSS[$name]} MB, exit $rc$cached (log: $log)"
	if [ "$rc" -ne 0 ]; then tail -5 "$log" | sed 's/^/    /'; fi
}

fresh_cache() { mktemp -d "$tmp/gocache.XXXXXX"; }
drop_cache() { chmod -R u+w "$1" 2>/dev/null || true; rm -rf "$1"; }

# actions FILE N: the N slowest actions of a -debug-actiongraph file (mode, package, seconds).
actions() {
	[ -n "$have_py" ] && [ -f "$1" ] || return 0
	python3 - "$1" "$2" <<'EOF'
import json, sys
acts = [a for a in json.load(open(sys.argv[1])) if a.get("CmdReal")]
acts.sort(key=lambda a: -a["CmdReal"])
for a in acts[: int(sys.argv[2])]:
    print(f"    {a['CmdReal'] / 1e9:6.1f} s  {a['Mode']:<6} {a['Package']}")
EOF
}

say "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo); $(go version)"

# --- the bare program: blank imports of the SDK packages our non-test code imports -------
sdk_pkgs=$(go list -f '{{join .Imports "\n"}}' ./... | grep '^github.com/pulumi/' | sort -u)
mkdir -p .bench/bare
{
	echo "// Code generated by scripts/bench.sh from go list; DO NOT EDIT."
	echo "// The floor: every Pulumi SDK package our code imports, and nothing else."
	echo "package main"
	echo
	echo "import ("
	for p in $sdk_pkgs; do echo "	_ \"$p\""; done
	echo ")"
	echo
	echo "func main() {}"
} >.bench/bare/main.go
say "bare program: .bench/bare/main.go imports $(echo "$sdk_pkgs" | wc -l) SDK packages"

# --- 1-2: a newcomer: fresh clone, empty cache, make plan, make test ------------------------
if [ "${BENCH_SKIP_COLD:-}" = 1 ]; then
	say "BENCH_SKIP_COLD=1: steps 3-6 in this checkout with the normal GOCACHE"
	work=$root
	cache=$(go env GOCACHE)
else
	work=$tmp/clone
	git clone -q "$root" "$work"
	cache=$(fresh_cache)
	say "fresh clone of HEAD, empty GOCACHE: make plan (expect ~5 min on 2 cores)"
	measure first_plan env GOCACHE="$cache" make -C "$work" plan
	say "make test right after it"
	measure test_after_plan env GOCACHE="$cache" make -C "$work" test

	say "cold build of the bare program (its own empty GOCACHE; expect ~4 min)"
	c=$(fresh_cache)
	measure cold_build_bare env GOCACHE="$c" go build -o "$tmp/bare" -debug-actiongraph="$root/.bench/cold_build_bare.actions.json" ./.bench/bare
	drop_cache "$c"
fi
export GOCACHE=$cache

# --- 3-5: the edit loop ---------------------------------------------------------------------
# make test runs go test -vet=off after go vet ./...; a plain go test ./... runs go test's own
# vet subset, whose facts over every SDK package are not cached yet, so this first run pays them.
measure warm_prime go -C "$work" test ./...
measure warm_nochange go -C "$work" test ./...

# edit_loop NAME FILE PKGS...: appends new code to FILE (an init function is always kept by the
# linker, so every test binary linking the package is relinked and rerun, as after a real
# edit), runs go test PKGS, removes it; $edit_runs times. Sets MEDIAN[NAME] and PEAK[NAME].
declare -A MEDIAN PEAK
edit_loop() {
	local name=$1 file=$work/$2 runs=()
	shift 2
	edited+=("$file")
	for i in $(seq 1 "$edit_runs"); do
		printf 'var benchEditSink string; func init() { benchEditSink = "%s" } %s\n' "$(date +%s%N)" "$marker" >>"$file"
		measure "${name}_$i" go -C "$work" test -debug-actiongraph="$root/.bench/${name}_$i.actions.json" "$@"
		sed -i '/bench-edit-marker/d' "$file"
		runs+=("${WALL[${name}_$i]}")
	done
	MEDIAN[$name]=$(printf '%s\n' "${runs[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
	PEAK[$name]=$(for i in $(seq 1 "$edit_runs"); do echo "${RSS[${name}_$i]}"; done | sort -n | tail -1)
}
comp_file=$(cd "$work" && git ls-files "$component/*.go" | grep -v _test.go | grep -v /spec/ | head -1)
say "edit $comp_file, then go test ./$component/... ($edit_runs runs)"
edit_loop component "$comp_file" "./$component/..."
say "edit stack/stack.go, then go test ./... ($edit_runs runs)"
edit_loop stack stack/stack.go ./...
measure warm_restored go -C "$work" test ./... # restored content: cache hits again

# --- 4: the offline plan -------------------------------------------------------------------
say "offline plan: build once, then $plan_runs runs per stack"
go -C "$work" build -o "$root/.bench/plan" ./cmd/plan
stacks=$(ls Pulumi.*.yaml | sed -E 's/^Pulumi\.(.*)\.yaml$/\1/')
declare -A PLAN
for s in $stacks; do
	times=()
	for i in $(seq 1 "$plan_runs"); do
		start=$(date +%s%N)
		rc=0
		.bench/plan -stack "$s" >/dev/null 2>&1 || rc=$?
		end=$(date +%s%N)
		[ "$rc" -le 1 ] || say "  plan $s exited $rc"
		times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')")
	done
	PLAN[$s]=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
	say "  plan $s: median ${PLAN[$s]} s (runs: ${times[*]})"
done

# --- 7: the first real pulumi preview after make plan (optional) -------------------------------
if [ -n "${BENCH_LANGUAGE_HOST:-}" ] && [ "${BENCH_SKIP_COLD:-}" != 1 ]; then
	say "first pulumi preview of dev after make plan (language host $BENCH_LANGUAGE_HOST)"
	./scripts/bench-preview.sh "$work" "$BENCH_LANGUAGE_HOST" "$tmp/pulumi" >.bench/logs/first_preview.setup.log 2>&1 || true
	measure first_preview env -C "$work" PULUMI_HOME="$tmp/pulumi/home" PULUMI_BACKEND_URL="file://$tmp/pulumi/state" \
		PULUMI_CONFIG_PASSPHRASE=bench PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true PULUMI_IGNORE_AMBIENT_PLUGINS=true \
		PULUMI_SKIP_UPDATE_CHECK=true "$(cat "$tmp/pulumi/cli")" preview --stack dev --non-interactive
fi

# --- 8: who links what ----------------------------------------------------------------------
say "test binaries and the SDK services they link (go list -test -deps)"
sdk_summary() {
	# Prints e.g. "gcp:6 azure-native:9 azuread:1 kubernetes:4 random:1 (SDK packages: 123)".
	go list -test -deps -f '{{.ImportPath}}' "$1" | awk '
		/^github.com\/pulumi\/pulumi-gcp\/sdk\/v7\/go\/gcp\/[^\/]+$/ { gcp++ }
		/^github.com\/pulumi\/pulumi-azure-native-sdk\/[^\/]+\/v2$/ { az++ }
		/^github.com\/pulumi\/pulumi-azuread\/sdk\/v5\/go\/azuread$/ { ad++ }
		/^github.com\/pulumi\/pulumi-kubernetes\/sdk\/v4\/go\/kubernetes\// { k8s++ }
		/^github.com\/pulumi\/pulumi-random\/sdk\/v4\/go\/random$/ { rnd++ }
		/^github.com\/pulumi\/pulumi-(gcp|azure-native-sdk|azuread|kubernetes|random)/ { all++ }
		END { printf "gcp services:%d azure-native services:%d azuread:%d kubernetes pkgs:%d random:%d (all SDK pkgs: %d)", gcp, az, ad, k8s, rnd, all }'
}
for p in $(go list -f '{{if or .TestGoFiles .XTestGoFiles}}{{.ImportPath}}{{end}}' ./...); do
	printf '  %-48s %s\n' "${p#github.com/example/mlplatform}" "$(sdk_summary "$p")"
done

# --- report ---------------------------------------------------------------------------------
verdict() { if awk -v v="$1" -v g="$2" 'BEGIN { exit !(v <= g) }'; then echo ok; else echo MISSED; fi; }
echo
echo "=== bench results ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores) ==="
printf '%-48s %9s %10s  %-14s %s\n' step wall "peak RSS" goal verdict
row() { printf '%-48s %8ss %10s  %-14s %s\n' "$1" "$2" "$3" "$4" "$5"; }
if [ "${BENCH_SKIP_COLD:-}" != 1 ]; then
	ratio=$(awk -v a="${WALL[first_plan]}" -v b="${WALL[cold_build_bare]}" 'BEGIN { printf "%.2f", a / b }')
	row "fresh clone: first make plan" "${WALL[first_plan]}" "${RSS[first_plan]} MB" "<= 1.1 x bare" "$(verdict "$ratio" 1.1) (${ratio} x)"
	row "  the same, against 300 s" "${WALL[first_plan]}" "-" "< 300 s" "$(verdict "${WALL[first_plan]}" 299.9)"
	row "cold build, bare program (floor)" "${WALL[cold_build_bare]}" "${RSS[cold_build_bare]} MB" "-" "floor"
	if [ "${RC[test_after_plan]}" -eq 0 ]; then v=$(verdict "${WALL[test_after_plan]}" 59.9); else v="FAILED (exit ${RC[test_after_plan]})"; fi
	row "make test right after it" "${WALL[test_after_plan]}" "${RSS[test_after_plan]} MB" "< 60 s" "$v"
	row "  then go test ./... (adds go test's own vet pass)" "${WALL[warm_prime]}" "${RSS[warm_prime]} MB" "-" "exit ${RC[warm_prime]}"
	if [ -n "${WALL[first_preview]:-}" ]; then
		row "first pulumi preview after make plan" "${WALL[first_preview]}" "${RSS[first_preview]} MB" "-" "exit ${RC[first_preview]}"
	fi
fi
row "go test ./..., nothing changed" "${WALL[warm_nochange]}" "${RSS[warm_nochange]} MB" "< 3 s" "$(verdict "${WALL[warm_nochange]}" 2.999)"
row "edit $component, go test ./$component/... (median)" "${MEDIAN[component]}" "${PEAK[component]} MB" "< 10 s" "$(verdict "${MEDIAN[component]}" 9.999)"
row "edit stack/stack.go, go test ./... (median)" "${MEDIAN[stack]}" "${PEAK[stack]} MB" "< 15 s" "$(verdict "${MEDIAN[stack]}" 14.999)"
for s in $stacks; do
	row "offline plan -stack $s (median)" "${PLAN[$s]}" "-" "< 0.5 s" "$(verdict "${PLAN[$s]}" 0.4999)"
done
if [ "${BENCH_SKIP_COLD:-}" != 1 ]; then
	drop_cache "$cache"
fi
echo "Slowest actions, edit→test loop (run 1):"
actions .bench/stack_1.actions.json 12
echo
echo "Logs: .bench/logs/; action graphs: .bench/*.actions.json; this report: $results"
