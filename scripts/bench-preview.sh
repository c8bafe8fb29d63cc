#!/usr/bin/env bash
# bench-preview.sh WORK LANGUAGE_HOST OUT: prepares the first real `pulumi preview` of WORK's dev
# stack for scripts/bench.sh: the pinned CLI (scripts/pulumi-cli.sh), the given Go language
# host, the e2e stand-in provider plugins (no provider plugin can be downloaded here), a local
# file backend and the dev stack with the keys only a deploying team knows set to the labelled
# offline examples (settings.OfflineExamples). Writes the CLI's path to OUT/cli.
set -euo pipefail
work=$1 host=$2 out=$3
home=$out/home
mkdir -p "$home/plugins/language-go-v3.259.0" "$out/state"
cp "$host" "$home/plugins/language-go-v3.259.0/pulumi-language-go"
cli=$("$work/scripts/pulumi-cli.sh")
echo "$cli" >"$out/cli"
go -C "$work" build -o "$home/standin" ./e2e/standin
# The packages and versions the program pins (as e2e/harness_test.go installs them).
for p in azure-native:2.90.0 azuread:5.53.5 gcp:7.38.0 kubernetes:4.32.0 random:4.19.2; do
	name=${p%%:*} version=${p#*:}
	mkdir -p "$home/plugins/resource-$name-v$version"
	ln -f "$home/standin" "$home/plugins/resource-$name-v$version/pulumi-resource-$name"
done
export PULUMI_HOME=$home PULUMI_BACKEND_URL=file://$out/state PULUMI_CONFIG_PASSPHRASE=bench \
	PULUMI_SKIP_UPDATE_CHECK=true PULUMI_IGNORE_AMBIENT_PLUGINS=true
cd "$work"
"$cli" stack init dev --non-interactive
"$cli" config set --stack dev gcp:project offline-plan-example
"$cli" config set --stack dev microserviceImage "europe-west4-docker.pkg.dev/offline-plan-example/apps/inference-api@sha256:$(printf '0%.0s' {1..64})"
"$cli" config set --stack dev gatewayHostname inference.offline-plan-example.invalid
"$cli" config set --stack dev --path 'iapAccessMembers[0]' group:offline-plan-example@example.invalid
"$cli" config set --stack dev iapOAuthClientId 000000000000-offline-plan-example.apps.googleusercontent.com
"$cli" config set --stack dev --secret iapOAuthClientSecret offline-plan-example-not-a-secret
"$cli" config set --stack dev ownerEmail owner@offline-plan-example.invalid
