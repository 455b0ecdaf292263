//! Facts the tool finds out by itself rather than asking: the device a report comes from,
//! and whether a contact the user was given is an official one.

pub mod device;
pub mod official;
pub mod phone;
