# civiq — `make demo` runs a whole site on this machine; `make test` runs the test suite.
# Both set everything up first (idempotent, quick when already done).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.civiq-installed
# Debian packages: the broker and its clients, and what Qt needs to draw offscreen,
# play sound and speak (speech-dispatcher with espeak-ng: a voice in every kiosk
# language), and its X11 platform plugin for windows on a screen.
# The tests also run the engine on PostgreSQL.
APT_PACKAGES := mosquitto mosquitto-clients libpulse0 espeak-ng speech-dispatcher \
	speech-dispatcher-espeak-ng libegl1 libgl1 libopengl0 \
	libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 fonts-dejavu-core \
	libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 \
	libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0
TEST_APT_PACKAGES := postgresql

.PHONY: demo test setup system-packages python-venv lint screenshots bench clean translations kiosk-i18n

demo: setup
	$(BIN)/civiq demo $(ARGS)

test: APT_PACKAGES += $(TEST_APT_PACKAGES)
test: setup
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q $(ARGS)

setup: system-packages python-venv $(STAMP)

# Debian's own Python makes virtualenvs only with python3-venv (python3.X-venv) installed;
# another Python (pyenv, a distribution's build) brings venv and ensurepip itself.
python-venv:
	@if ! test -x $(BIN)/python && ! $(PYTHON) -c 'import ensurepip, venv' >/dev/null 2>&1; then \
		exe=$$($(PYTHON) -c 'import sys; print(sys.executable)' 2>/dev/null); \
		if command -v dpkg >/dev/null 2>&1 && dpkg -S "$$(readlink -f "$$exe")" >/dev/null 2>&1; then \
			ver=$$($(PYTHON) -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")'); \
			if [ "$$(id -u)" != "0" ]; then SUDO=sudo; else SUDO=; fi; \
			echo "Installing: python3-venv python$$ver-venv"; \
			$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install \
				-y -qq --no-install-recommends python3-venv "python$$ver-venv"; \
		else \
			echo "$(PYTHON) ($$exe) cannot make a virtualenv (no venv/ensurepip module):"; \
			echo "install them for that Python, or run: make PYTHON=/path/to/python3.11+"; \
			exit 1; \
		fi; \
	fi

system-packages:
	@missing=""; for p in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		if ! command -v apt-get >/dev/null 2>&1; then \
			echo "civiq needs these Debian packages:$$missing"; \
			echo "apt-get is not available here: install them with your package manager."; \
			exit 1; \
		fi; \
		if [ "$$(id -u)" != "0" ]; then SUDO=sudo; else SUDO=; fi; \
		echo "Installing:$$missing"; \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[apps,dev]'
	@touch $@

lint: setup
	$(BIN)/ruff check .
	$(BIN)/lint-imports

# The kiosk's translations: .ts sources (Qt Linguist) updated from kiosk/texts.py, and the
# .qm files the kiosk loads (committed; tests/kiosk/test_i18n.py checks they are current).
KIOSK_LANGS := de tr ar ru uk pl fa
kiosk-i18n: setup
	$(BIN)/pyside6-lupdate kiosk/texts.py -no-obsolete -locations none \
		-ts $(KIOSK_LANGS:%=kiosk/i18n/kiosk_%.ts)
	@for l in $(KIOSK_LANGS); do \
		$(BIN)/pyside6-lrelease -silent kiosk/i18n/kiosk_$$l.ts -qm kiosk/i18n/kiosk_$$l.qm || exit 1; \
	done

# The counter desk's words: collect new texts into the .ts files (translate them in Qt
# Linguist: pyside6-linguist FILE.ts), then build the .qm files the app loads (committed;
# tests/counter_client/test_translations.py checks they are current).
TS := $(wildcard counter_client/i18n/*.ts)
translations: setup kiosk-i18n
	$(BIN)/pyside6-lupdate counter_client/widgets.py counter_client/app.py -no-obsolete -ts $(TS)
	for ts in $(TS); do $(BIN)/pyside6-lrelease $$ts -qm $${ts%.ts}.qm; done

# The real windows are shot under Xvfb (tools/real_windows.py): an X server, window
# listing and ImageMagick's import.
screenshots: APT_PACKAGES += xvfb x11-utils xdotool imagemagick
screenshots: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tools.screenshots
	$(BIN)/python -m tools.real_windows

bench: setup
	@for b in bench/[!_]*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
