# Kodus BYOK Studio. The two commands a new user needs:
#   make run    install what is missing, build the desktop app and open it
#   make test   install what tests need and run every test
SHELL := /bin/sh
BIN     := build/bin/kodus-byok
DEV_BIN := build/bin/kodus-byok-dev
TAGS    := webkit2_41
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X github.com/kodusbyok/studio/backend/buildinfo.Version=$(VERSION)
# Unit tests must never reach the user's session bus or keyring; this also
# stops godbus from auto-launching orphan dbus-daemons.
NOBUS   := DBUS_SESSION_BUS_ADDRESS=disabled:
GOENV   := GOPATH=$(shell go env GOPATH) GOCACHE=$(shell go env GOCACHE) GOMODCACHE=$(shell go env GOMODCACHE)
XVFB    := xvfb-run -a -s "-screen 0 1280x900x24"

.PHONY: run setup setup-test build build-dev frontend bindings check-bindings \
        test test-go test-frontend test-keyring e2e standin smoke bench clean

run: setup build
	./$(BIN)

setup:
	.ci/setup-deps.sh run

setup-test:
	.ci/setup-deps.sh test

frontend:
	cd frontend && npm run build

build: frontend
	go build -tags desktop,production,$(TAGS) -ldflags "-w -s $(LDFLAGS)" -o $(BIN) .

build-dev: frontend
	go build -tags dev,$(TAGS) -ldflags "$(LDFLAGS)" -o $(DEV_BIN) .

# Regenerates frontend/wailsjs (committed) after bound Go methods change.
bindings:
	go tool wails generate module -tags $(TAGS)

check-bindings: bindings
	@git diff --exit-code -- frontend/wailsjs || { echo "frontend/wailsjs is stale: run make bindings and commit it" >&2; exit 1; }

test: setup-test
	$(MAKE) check-bindings test-go test-frontend test-keyring e2e smoke

# Untagged and cgo-free: the backend and the CLI need neither GTK nor WebKit.
test-go:
	go vet ./...
	$(NOBUS) CGO_ENABLED=0 go test -count=1 ./...

test-frontend:
	cd frontend && npx tsc --noEmit && npx vitest run

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

bench:
	$(NOBUS) go test -run '^$$' -bench . -benchmem ./backend/...

clean:
	rm -rf build/bin build/e2e build/*.png frontend/dist/assets frontend/dist/index.html
