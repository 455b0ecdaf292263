//! Facts the tool finds out by itself rather than asking: the device a report comes from.

pub mod device;
