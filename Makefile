# Two commands matter to a newcomer: `make plan` and `make test`.
SHELL   := /bin/bash
STACK   ?= dev
GO      ?= go
PLAN    := bin/plan
STACKS  := $(patsubst Pulumi.%.yaml,%,$(wildcard Pulumi.*.yaml))

# Build with the flags Pulumi's Go language host uses for `pulumi preview`/`up`
# (`go build -buildvcs=false -trimpath -ldflags "-w -s"`, sdk/go/pulumi-language-go/main.go,
# v3.259.0 and pulumi master of 2026-08-22; not checked at v3.276.0, whose language host
# source was not available). -trimpath is part of every package's build-cache key: without it
# here, the first `pulumi preview` after `make plan` recompiled every SDK package (about 7
# minutes on 2 cores).
# -ldflags only changes linking, which is never shared anyway.
export GOFLAGS := $(strip $(GOFLAGS) -trimpath -buildvcs=false)

.PHONY: plan plan-all plan-json graph graphviz docs scan test lint fuzz bench e2e preview up build clean

## plan: offline plan of STACK (default dev): resources, outputs, policy findings. No cloud needed.
plan: $(PLAN)
	@$(PLAN) -stack $(STACK)

## plan-all: the offline plan of every stack as a policy gate (fails on unwaived high findings).
## Every stack is planned and reported; the target fails if any of them fails (`set -e` would
## not stop on `cmd && echo OK`, so the status is collected explicitly).
plan-all: $(PLAN)
	@failed=""; for s in $(STACKS); do \
	  if $(PLAN) -stack $$s >/dev/null; then echo "plan $$s: OK"; \
	  else rc=$$?; echo "plan $$s: FAILED (exit $$rc)"; failed="$$failed $$s"; fi; \
	done; \
	if [ -n "$$failed" ]; then echo "plan-all: failed:$$failed" >&2; exit 1; fi

plan-json: $(PLAN)
	@$(PLAN) -stack $(STACK) -format json

## graph: the dependency graph of STACK as Mermaid and, with Graphviz, SVG, under bin/ (scratch;
## the committed graphs are docs/generated/, written by `make docs`).
graph: $(PLAN)
	@$(PLAN) -stack $(STACK) -graph bin/graph-$(STACK).mmd >/dev/null || [ $$? -eq 1 ]
	@if command -v dot >/dev/null; then $(PLAN) -stack $(STACK) -graph bin/graph-$(STACK).svg >/dev/null || [ $$? -eq 1 ]; \
	  else echo "Graphviz not installed: wrote only bin/graph-$(STACK).mmd (make graphviz installs dot)"; fi

## docs: regenerate docs/generated/ (configuration and rule tables, resource counts, outputs,
## component diagrams, dependency graphs, critical paths); commit the result. A test fails when stale.
## It also writes policy/testdata/plans/STACK.json: what the gate judged on each stack, which the
## policy package's tests read instead of linking the cloud SDKs (cmd/plan tests they are current).
docs: $(PLAN)
	@rm -rf docs/generated
	@$(PLAN) -docs docs/generated
	@for s in dev prod; do $(PLAN) -stack $$s -now 2026-11-29 -policy-input policy/testdata/plans/$$s.json >/dev/null || [ $$? -eq 1 ]; done

## scan: kube-score (installed from the Go module proxy on first use) on every stack's
## Kubernetes objects; fails on a finding not decided in scripts/kube-score/STACK.txt.
scan: $(PLAN)
	@scripts/kube-score.sh

graphviz:
	apt-get update -qq && apt-get install -y -qq graphviz

# go build relinks only when a dependency changed, so a repeated `make plan` starts at once.
$(PLAN): FORCE
	@$(GO) build -o $(PLAN) ./cmd/plan
FORCE:

build:
	$(GO) build ./...

## test: formatting, vet, and every test under mocks.
## `go vet ./...` (lint) runs every vet check; go test's own vet pass runs a subset of them, and
## with another analyzer set its facts over every SDK package are a second cache entry: vetting
## twice cost about 46 s of a first `make test` on 2 cores (measured, docs/performance.md).
test: lint
	$(GO) test -vet=off ./...

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

## e2e: the real Pulumi engine on dev and prod: an inline program, a local file backend and
## stand-in provider plugins. Builds the pinned CLI from source on first use (about 5 minutes,
## cached under ~/.cache/mlplatform). Not part of `make test`; CI runs both.
e2e:
	$(GO) vet -tags e2e ./e2e
	$(GO) test -tags e2e -count=1 -timeout 45m -v ./e2e

fuzz:
	$(GO) test ./stackconfig -run '^$$' -fuzz FuzzLoad -fuzztime 30s

## bench: build/test/plan cost on this machine against a bare program (not part of test).
bench:
	./scripts/bench.sh

## preview / up: the real deployment (needs the pulumi CLI, a backend login and cloud credentials).
## preview/up run the policy gate in the engine too: the same rules, waivers and decisions as
## the offline plan, served by bin/mlplatform-policy (cmd/policypack; pulumi 3.255 or later).
POLICY_PACK := bin/mlplatform-policy
$(POLICY_PACK): FORCE
	@$(GO) build -o $@ ./cmd/policypack

preview: $(POLICY_PACK)
	pulumi preview --stack $(STACK) --diff --policy-pack $(POLICY_PACK)

up: $(POLICY_PACK)
	@if [ "$(STACK)" = prod ] && [ "$(CONFIRM)" != prod ]; then \
	  echo "Refusing to update prod without CONFIRM=prod (make up STACK=prod CONFIRM=prod)"; exit 1; fi
	pulumi up --stack $(STACK) --policy-pack $(POLICY_PACK)

clean:
	rm -rf bin
