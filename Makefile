# CS Planner. Two commands do everything, on a fresh machine too:
#   make serve   install what is missing, build, serve at http://127.0.0.1:8080/cs-planner/
#   make test    install what is missing, run every test layer and the bundle-size check
# And for developers: make bench (figures), make build (dist/ only).
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver

# The path the site is served under; GitHub Pages serves a project at /<repository>/.
BASE ?= /cs-planner/
PORT ?= 8080

.PHONY: all bootstrap build serve test bench clean

all: test

bootstrap:
	@scripts/bootstrap.sh

build: bootstrap
	trunk build --release --offline --public-url $(BASE)

serve: build
	python3 scripts/serve.py --dir dist --base $(BASE) --port $(PORT)

test: bootstrap
	@scripts/test.sh

bench: build
	node scripts/bench.mjs

clean:
	cargo clean
	rm -rf dist .bench
