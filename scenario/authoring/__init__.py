"""Writing a pack rather than reading one: the Qt-free pieces behind the pack editor.

They live apart from `scenario.pack`, which only ever reads packs, so what the app trusts when
it loads a pack does not grow with what an author needs while a pack is half-written.
"""
