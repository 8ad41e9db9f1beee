//! Renderers of results: text, tables, JSON, client-initialize payloads.
