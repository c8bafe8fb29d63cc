#!/usr/bin/env bash
# pulumi-cli.sh: prints the path of a pulumi CLI the engine-level test can use.
#
# A `pulumi` on PATH of a supported version (>= MIN_VERSION) is used as it is. Otherwise the
# pinned CLI is built from source, once, into a cache directory and reused: no prebuilt binary
# can be downloaded here, but the Go module proxy serves the CLI's module (pkg/v3).
# Building it takes about 4.5 minutes and 3 GB on 2 cores; later calls answer at once.
#
#   PULUMI_CLI_VERSION  the version built (default v3.276.0, the SDK version in go.mod)
#   PULUMI_CLI_CACHE    where it is built (default ${XDG_CACHE_HOME:-~/.cache}/mlplatform)
set -euo pipefail

version=${PULUMI_CLI_VERSION:-v3.276.0}
# v3.255.0 runs executable policy packs (pulumi/pulumi#24052). An older CLI than the SDK is fine: the
# SDK asks the engine for each feature it uses (resource transforms fail the run when missing).
min_version=v3.255.0
cache=${PULUMI_CLI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mlplatform}
bin=$cache/pulumi-$version/bin/pulumi

version_ge() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]; }

if onpath=$(command -v pulumi 2>/dev/null); then
  v=$("$onpath" version 2>/dev/null || true)
  if [ -n "$v" ] && version_ge "$v" "$min_version"; then
    echo "$onpath"
    exit 0
  fi
  echo "pulumi-cli: ignoring $onpath ($v): older than $min_version" >&2
fi
if [ -x "$bin" ] && [ "$("$bin" version 2>/dev/null)" = "$version" ]; then
  echo "$bin"
  exit 0
fi

src=$cache/pulumi-$version/src
mkdir -p "$src" "$(dirname "$bin")"
echo "pulumi-cli: building pulumi $version from source into $bin (about 4.5 minutes)" >&2
cat >"$src/go.mod" <<MOD
module mlplatform.local/pulumicli

go 1.26

require (
	github.com/pulumi/pulumi/pkg/v3 $version
	github.com/pulumi/pulumi/sdk/v3 $version
)

// The clipboard module the CLI names is not served here; the fork the CLI's own go.mod
// uses in its releases is.
replace github.com/atotto/clipboard => github.com/tgummerer/clipboard v0.0.0-20241001131231-d02d263e614e
MOD
cat >"$src/tools.go" <<'GO'
//go:build tools

package tools

import _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
GO
(
  cd "$src"
  # The CLI is a tool, not a dependency of the project: its checksums live in its cache dir.
  GOFLAGS=-mod=mod go mod tidy -e >/dev/null 2>&1 || true
  GOFLAGS=-mod=mod go build -trimpath -o "$bin.tmp" \
    -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$version" \
    github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
)
mv "$bin.tmp" "$bin"
echo "$bin"
