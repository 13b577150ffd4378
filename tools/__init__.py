"""Developer tools (not shipped as apps): screenshots and the like."""
