"""The Tijdslijn: month x action tables, rebuilt from text or read from PDF tables, linked
to the actions they schedule."""
