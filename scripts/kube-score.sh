#!/usr/bin/env bash
# kube-score on every stack's Kubernetes objects, exactly as the program registers them
# (`bin/plan -manifests`). Each finding is decided like a policy rule's: implemented in the
# program, or not followed, with the source, below or in scripts/kube-score/STACK.txt. The scan
# fails on any finding not listed there, and on a listed one that no longer occurs.
set -euo pipefail
cd "$(dirname "$0")/.."

version=v1.20.0
# A versioned directory: `go install` of a module version stamps no version into the binary.
bindir="${XDG_CACHE_HOME:-$HOME/.cache}/mlplatform/kube-score-$version"
if [ ! -x "$bindir/kube-score" ]; then
  echo "installing kube-score $version (from the Go module proxy) into $bindir"
  GOBIN="$bindir" go install "github.com/zegl/kube-score/cmd/kube-score@$version"
fi

# Not followed, for every object:
# - container-image-pull-policy wants Always "so that imagePullSecrets are always validated"
#   (kube-score README_CHECKS.md). No pod here has imagePullSecrets: nodes pull from Artifact
#   Registry with the node service account, and images are pinned by digest (policy POD-005),
#   so Always would only make every start depend on the registry being reachable.
# - pod-probes-identical: both Deployments probe one cheap endpoint, liveness after 3 x 20 s,
#   readiness after 3 x 10 s, so a pod is out of the Service for 30 s before it is restarted:
#   the pattern Kubernetes documents ("use the same low-cost HTTP endpoint as for readiness
#   probes, but with a higher failureThreshold", kubernetes.io/docs/tasks/configure-pod-container/
#   configure-liveness-readiness-startup-probes). The microservice's image is the user's, so a
#   second endpoint cannot be assumed; kube-score keeps flagging it by design (zegl/kube-score#339).
ignored=(--ignore-test container-image-pull-policy --ignore-test pod-probes-identical)

make --no-print-directory bin/plan >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
failed=""
for stack in $(ls Pulumi.*.yaml | sed 's/^Pulumi\.\(.*\)\.yaml$/\1/'); do
  mkdir -p "$out/$stack"
  bin/plan -stack "$stack" -manifests "$out/$stack" >/dev/null
  # kube-score exits 1 on any finding; the comparison below is the verdict.
  "$bindir/kube-score" score --output-format ci "${ignored[@]}" "$out/$stack"/*.yaml >"$out/$stack.txt" || true
  grep -v -e '^\[OK\]' -e '^\[SKIPPED\]' "$out/$stack.txt" | sort >"$out/$stack.found" || true
  grep -v -e '^#' -e '^$' "scripts/kube-score/$stack.txt" | sort >"$out/$stack.decided" || true
  n=$(ls "$out/$stack"/*.yaml | wc -l)
  if diff -u "$out/$stack.decided" "$out/$stack.found" >"$out/$stack.diff"; then
    echo "kube-score $stack: OK ($n objects, $(grep -c '^\[OK\]' "$out/$stack.txt") checks passed, $(wc -l <"$out/$stack.found") decided findings)"
  else
    echo "kube-score $stack: FAILED (- decided in scripts/kube-score/$stack.txt but not found, + found but not decided)"
    tail -n +3 "$out/$stack.diff"
    failed="$failed $stack"
  fi
done
[ -z "$failed" ] || { echo "kube-score failed:$failed" >&2; exit 1; }
