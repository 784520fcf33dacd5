# The two commands: `make demo` (the main job on the bundled samples, embedded SQLite store, web UI)
# and `make test` (the whole suite). Both set up .venv on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= warta.db
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: setup demo process test bench clean

$(BIN)/warta: pyproject.toml setup.py $(shell find src -name "*.pyx")
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(BIN)/warta

setup: $(BIN)/warta

demo: setup
	$(BIN)/warta ingest samples/ --db $(DB)
	$(BIN)/warta serve --db $(DB) --host $(HOST) --port $(PORT)

process: setup
	$(BIN)/warta process samples/ -o out/samples.jsonl

test: setup
	$(BIN)/pytest -q

bench: setup
	for b in bench/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) build *.egg-info warta.db out
