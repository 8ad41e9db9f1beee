//! Where spec payloads come from: files, the network, the cache, data stores.

pub mod id_lists;
