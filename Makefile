# Kodus BYOK Studio. The two commands a new user needs:
#   make run    install what is missing, build the desktop app and open it
#   make test   install what tests need and run every test
SHELL := /bin/sh
BIN     := build/bin/kodus-byok
DEV_BIN := build/bin/kodus-byok-dev
CLI_BIN := build/bin/kodus-byok-cli
DIST    := build/dist
TAGS    := webkit2_41
# The version is wails.json's productVersion; the build date is the commit's
# (or SOURCE_DATE_EPOCH), so the same commit builds the same binaries.
VERSION    ?= $(shell sed -n 's/.*"productVersion": *"\([^"]*\)".*/\1/p' wails.json)
COMMIT     ?= $(shell git rev-parse --short=7 HEAD 2>/dev/null || echo unknown)$(shell git diff --quiet HEAD -- 2>/dev/null || echo -dirty)
BUILD_DATE ?= $(shell date -u -d @$${SOURCE_DATE_EPOCH:-$$(git log -1 --format=%ct 2>/dev/null || date +%s)} +%Y-%m-%d)
BI      := github.com/kodusbyok/studio/backend/buildinfo
LDFLAGS := -X $(BI).Version=$(VERSION) -X $(BI).commit=$(COMMIT) -X $(BI).date=$(BUILD_DATE)
# The command line alone: no cgo (a static binary that starts at once and
# cross-compiles), stripped.
CLI_GO  := CGO_ENABLED=0 go build -trimpath -ldflags "-s -w $(LDFLAGS)"
# Unit tests must never reach the user's session bus or keyring; this also
# stops godbus from auto-launching orphan dbus-daemons.
NOBUS   := DBUS_SESSION_BUS_ADDRESS=disabled:
GOENV   := GOPATH=$(shell go env GOPATH) GOCACHE=$(shell go env GOCACHE) GOMODCACHE=$(shell go env GOMODCACHE)
# golangci-lint, pinned in its own module so its dependencies stay out of go.mod.
LINT    := go tool -modfile=tools/lint/go.mod golangci-lint
XVFB    := xvfb-run -a -s "-screen 0 1280x900x24"

.PHONY: run setup setup-test setup-package build build-dev cli frontend bindings check-bindings \
        test lint test-go test-frontend test-keyring e2e standin smoke test-package package dist \
        bench bench-cli bench-startup clean

run: setup build
	./$(BIN)

setup:
	.ci/setup-deps.sh run

setup-test:
	.ci/setup-deps.sh test

setup-package:
	.ci/setup-deps.sh package

frontend:
	cd frontend && npm run build

build: frontend
	go build -tags desktop,production,$(TAGS) -trimpath -ldflags "-w -s $(LDFLAGS)" -o $(BIN) .

# The command line alone (what `go build .` gives, stripped and static).
cli:
	$(CLI_GO) -o $(CLI_BIN) .

build-dev: frontend
	go build -tags dev,$(TAGS) -ldflags "$(LDFLAGS)" -o $(DEV_BIN) .

# Regenerates frontend/wailsjs (committed) after bound Go methods change.
bindings:
	go tool wails generate module -tags $(TAGS)

check-bindings: bindings
	@git diff --exit-code -- frontend/wailsjs || { echo "frontend/wailsjs is stale: run make bindings and commit it" >&2; exit 1; }

test: setup-test
	$(MAKE) check-bindings lint test-go test-frontend test-keyring e2e smoke test-package

# .golangci.yml: the untagged build (backend, CLI), then the desktop app's.
lint:
	$(LINT) run --allow-parallel-runners ./...
	$(LINT) run --allow-parallel-runners --build-tags desktop,production,$(TAGS) ./...

# Untagged and cgo-free: the backend and the CLI need neither GTK nor WebKit.
test-go:
	go vet ./...
	go vet -tags desktop,production,$(TAGS) .
	# make dist builds the command line for macOS and Windows too: it must compile there.
	for os in darwin windows; do GOOS=$$os GOARCH=arm64 CGO_ENABLED=0 go build -o /dev/null . || exit 1; done
	$(NOBUS) CGO_ENABLED=0 go test -count=1 ./...

test-frontend:
	cd frontend && npx tsc --noEmit && npm run lint && npx vitest run

# The real Secret Service: GNOME Keyring on a private session bus.
test-keyring:
	env -u DBUS_SESSION_BUS_ADDRESS $(GOENV) HOME=$$(mktemp -d) KODUS_BYOK_TEST_SECRET_SERVICE=1 \
	  dbus-run-session -- .ci/with-secret-service.sh go test -count=1 -run 'SecretService' -v ./backend/secrets/

e2e: build-dev standin
	cd frontend && $(XVFB) npx vitest run --config vitest.e2e.config.ts

# The Kodus API stand-in the browser tests start (test-only, never shipped).
standin:
	go build -o build/bin/kodus-standin ./backend/kodusapi/kodustest/standin

smoke: build
	$(XVFB) .ci/smoke.sh ./$(BIN) build/screenshot.png

# Installs the .deb into a fresh Debian root (debootstrap), checks what it
# installed, runs the command line and takes the smoke screenshot of the
# installed desktop app (build/screenshot-installed.png).
test-package:
	$(MAKE) package
	.ci/test-package.sh $(DIST)/kodus-byok_$(VERSION)_amd64.deb build/screenshot-installed.png

# build/dist/kodus-byok_VERSION_amd64.deb and the portable tar.gz.
package: setup-package
	$(MAKE) build cli
	.ci/package.sh $(VERSION) $(BIN) $(CLI_BIN) $(DIST)

# package, plus the command line for Linux, macOS and Windows (amd64, arm64;
# no cgo) and SHA256SUMS.
dist: package
	@for os in linux darwin windows; do for arch in amd64 arm64; do \
	  ext=; [ $$os = windows ] && ext=.exe; \
	  out=$(DIST)/kodus-byok-cli_$(VERSION)_$${os}_$${arch}$$ext; \
	  echo "  $$out"; GOOS=$$os GOARCH=$$arch $(CLI_GO) -o $$out . || exit 1; \
	done; done
	cd $(DIST) && rm -f SHA256SUMS && sha256sum kodus-byok_$(VERSION)_* kodus-byok-cli_$(VERSION)_* >SHA256SUMS && cat SHA256SUMS

bench:
	$(NOBUS) go test -run '^$$' -bench . -benchmem ./backend/...

# Time to rendered content against a bare Wails template, side by side (figures in docs/performance.md).
bench-startup: build-dev
	cd frontend && $(XVFB) node scripts/startup-bench.mjs

# Whole-process time of the listed commands against a hello-world Go binary,
# side by side (keys in the file keychain, then in a private Secret Service).
bench-cli: cli
	go build -o build/bin/bench-hello ./.ci/benchcli/hello
	go build -o build/bin/benchcli ./.ci/benchcli
	env -u DBUS_SESSION_BUS_ADDRESS ./build/bin/benchcli -cli $(CLI_BIN) -hello build/bin/bench-hello
	@echo
	env -u DBUS_SESSION_BUS_ADDRESS $(GOENV) HOME=$$(mktemp -d) KODUS_BYOK_KEYRING=secret-service \
	  dbus-run-session -- .ci/with-secret-service.sh ./build/bin/benchcli -cli $(CLI_BIN) -hello build/bin/bench-hello

clean:
	rm -rf build/bin build/e2e build/dist build/pkg build/screenshot*.png frontend/dist/assets frontend/dist/index.html
