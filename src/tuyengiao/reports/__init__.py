"""reports: periodic reports from units, their deadlines, roll-ups over the tree, compiled reports."""
