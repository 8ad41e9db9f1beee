//! The spec model: wire forms (v1, v2) compiled into one typed form.
