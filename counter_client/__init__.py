"""``civiq counter``: the clerk's desk — call, serve, transfer, park; what waits."""
