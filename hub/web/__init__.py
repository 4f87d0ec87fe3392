"""The web layer: Starlette routes that parse requests, call one service, and render."""
