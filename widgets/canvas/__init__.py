"""The strategy canvas editor: value curves on a pyqtgraph chart, the table, curves, ERRC grid and quality."""
