"""The one place where civiq's library meets Qt (as qutebrowser reaches Qt through one
wrapper). Only the apps' Qt modules import from here; import-linter keeps it so."""
