"""Widgets several screens share; a component never imports a screen module.

tests/ui/test_layers.py holds the rule: screen modules do not import each other either.
"""
