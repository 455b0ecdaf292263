//! A provider's guide folder, indexed once: each guide file's header and search terms, kept
//! in the user's cache dir (`wallet-help/guides-*.index`) and used again while the file is
//! unchanged, so that a thousand provider guides are not read and parsed on every run.
//!
//! A file's record is used when its size and modification time are those recorded and the
//! file is older than the index by a safe margin; a file changed in the same instant as the
//! index was written ("racily clean") is read again and compared by its content hash. The
//! index is keyed by the folder's path and by the search tokenizer's version; anything that
//! does not read back exactly (a truncated or corrupt file, another version) is ignored, and
//! the index is written anew. Writing is atomic (a temporary file renamed into place) and
//! best effort: a read-only cache dir only means no index.

use std::collections::HashMap;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The file's first bytes, and the format's version (a change makes old indexes unreadable).
const MAGIC: &[u8; 8] = b"WHGUIDX\x01";
/// A file modified less than this before the index was written is checked by its content.
const RACY: Duration = Duration::from_secs(2);
/// No index is trusted beyond this size (a thousand guides make about 1 MB).
const MAX_INDEX: u64 = 64 << 20;

/// What the index keeps of one guide file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Record {
    /// The file's name within the folder (or the file itself, when `--guides` names a file).
    pub name: String,
    pub size: u64,
    pub modified: (u64, u32),
    pub hash: u32,
    pub header: Header,
    /// Search terms of the guide's phrases, as the indexer gave them.
    pub terms: String,
}

/// A guide's header, as plain strings.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub(super) struct Header {
    pub id: String,
    pub group: String,
    pub urgent: bool,
    pub title: [String; 2],
    pub summary: [String; 2],
    pub aliases: [Vec<String>; 2],
    pub keywords: [Vec<String>; 2],
}

/// An index read back: its records and when it was written.
pub(super) struct Index {
    pub records: Vec<Record>,
    pub written: (u64, u32),
    /// Record by file name.
    by_name: HashMap<String, usize>,
}

impl Index {
    /// The record for `name`, if its file is unchanged: same size and time, and either older
    /// than the index by a safe margin or, read again, the same content.
    pub fn fresh(&self, name: &str, size: u64, modified: (u64, u32), path: &Path) -> Option<&Record> {
        let record = self.records.get(*self.by_name.get(name)?)?;
        if record.size != size || record.modified != modified {
            return None;
        }
        let file_time = UNIX_EPOCH + Duration::new(modified.0, modified.1);
        let index_time = UNIX_EPOCH + Duration::new(self.written.0, self.written.1);
        let safe = file_time
            .checked_add(RACY)
            .is_some_and(|t| t < index_time);
        if safe || fs::read(path).is_ok_and(|bytes| content_hash(&bytes) == record.hash) {
            Some(record)
        } else {
            None
        }
    }
}

/// The content hash kept for each file.
pub(super) fn content_hash(bytes: &[u8]) -> u32 {
    crc32fast::hash(bytes)
}

/// A time as whole seconds and nanoseconds since the epoch (before it: zero).
pub(super) fn timestamp(time: SystemTime) -> (u64, u32) {
    time.duration_since(UNIX_EPOCH)
        .map_or((0, 0), |d| (d.as_secs(), d.subsec_nanos()))
}

/// Where the index of `folder` lives in `cache_dir`: named by a hash of the folder's path
/// (the path itself is inside, and checked).
pub(super) fn file_for(cache_dir: &Path, folder: &Path) -> PathBuf {
    let key = folder.as_os_str().as_encoded_bytes();
    cache_dir.join(format!(
        "guides-{:08x}{:04x}.index",
        crc32fast::hash(key),
        key.len() & 0xffff
    ))
}

/// The index of `folder` at `file`, if it reads back whole, for this folder and `version`.
pub(super) fn read(file: &Path, folder: &Path, version: u64) -> Option<Index> {
    let size = fs::metadata(file).ok()?.len();
    if size > MAX_INDEX {
        return None;
    }
    let bytes = fs::read(file).ok()?;
    let mut r = Reader { rest: &bytes };
    if r.take(MAGIC.len())? != MAGIC || r.u64()? != version {
        return None;
    }
    if r.bytes()? != folder.as_os_str().as_encoded_bytes() {
        return None;
    }
    let written = (r.u64()?, r.u32()?);
    let count = r.u32()?;
    let mut records = Vec::with_capacity(usize::try_from(count).ok()?.min(100_000));
    for _ in 0..count {
        records.push(r.record()?);
    }
    let by_name = records
        .iter()
        .enumerate()
        .map(|(i, r)| (r.name.clone(), i))
        .collect();
    r.rest.is_empty().then_some(Index {
        records,
        written,
        by_name,
    })
}

/// Writes the index of `folder` to `file`, atomically; errors are for the caller to ignore.
pub(super) fn write(file: &Path, folder: &Path, version: u64, records: &[Record]) -> std::io::Result<()> {
    let mut out = Vec::with_capacity(records.len() * 1024);
    out.extend_from_slice(MAGIC);
    put_u64(&mut out, version);
    put_bytes(&mut out, folder.as_os_str().as_encoded_bytes());
    let (secs, nanos) = timestamp(SystemTime::now());
    put_u64(&mut out, secs);
    put_u32(&mut out, nanos);
    put_u32(&mut out, u32::try_from(records.len()).unwrap_or(u32::MAX));
    for record in records.iter().take(u32::MAX as usize) {
        put_record(&mut out, record);
    }
    let dir = file.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let mut temp = tempfile::NamedTempFile::new_in(dir)?;
    temp.write_all(&out)?;
    temp.persist(file).map_err(|e| e.error)?;
    Ok(())
}

fn put_u32(out: &mut Vec<u8>, n: u32) {
    out.extend_from_slice(&n.to_le_bytes());
}

fn put_u64(out: &mut Vec<u8>, n: u64) {
    out.extend_from_slice(&n.to_le_bytes());
}

fn put_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    put_u32(out, u32::try_from(bytes.len()).unwrap_or(u32::MAX));
    out.extend_from_slice(bytes);
}

fn put_strs(out: &mut Vec<u8>, strs: &[String]) {
    put_u32(out, u32::try_from(strs.len()).unwrap_or(u32::MAX));
    for s in strs {
        put_bytes(out, s.as_bytes());
    }
}

fn put_record(out: &mut Vec<u8>, r: &Record) {
    put_bytes(out, r.name.as_bytes());
    put_u64(out, r.size);
    put_u64(out, r.modified.0);
    put_u32(out, r.modified.1);
    put_u32(out, r.hash);
    let h = &r.header;
    for s in [&h.id, &h.group, &h.title[0], &h.title[1], &h.summary[0], &h.summary[1]] {
        put_bytes(out, s.as_bytes());
    }
    out.push(u8::from(h.urgent));
    for words in h.aliases.iter().chain(&h.keywords) {
        put_strs(out, words);
    }
    put_bytes(out, r.terms.as_bytes());
}

/// Reads what `put_*` wrote; `None` at the first thing that does not fit.
struct Reader<'b> {
    rest: &'b [u8],
}

impl<'b> Reader<'b> {
    fn take(&mut self, n: usize) -> Option<&'b [u8]> {
        let (head, rest) = self.rest.split_at_checked(n)?;
        self.rest = rest;
        Some(head)
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    fn bytes(&mut self) -> Option<&'b [u8]> {
        let n = usize::try_from(self.u32()?).ok()?;
        self.take(n)
    }

    fn string(&mut self) -> Option<String> {
        String::from_utf8(self.bytes()?.to_vec()).ok()
    }

    fn strings(&mut self) -> Option<Vec<String>> {
        let n = usize::try_from(self.u32()?).ok()?;
        // Each string takes at least its 4-byte length: a count beyond that is corrupt.
        if n > self.rest.len() / 4 {
            return None;
        }
        (0..n).map(|_| self.string()).collect()
    }

    fn record(&mut self) -> Option<Record> {
        let name = self.string()?;
        let size = self.u64()?;
        let modified = (self.u64()?, self.u32()?);
        let hash = self.u32()?;
        let [id, group, title_en, title_zh, summary_en, summary_zh] =
            [(); 6].map(|()| self.string());
        let urgent = match self.take(1)? {
            [0] => false,
            [1] => true,
            _ => return None,
        };
        let [aliases_en, aliases_zh, keywords_en, keywords_zh] = [(); 4].map(|()| self.strings());
        let terms = self.string()?;
        Some(Record {
            name,
            size,
            modified,
            hash,
            header: Header {
                id: id?,
                group: group?,
                urgent,
                title: [title_en?, title_zh?],
                summary: [summary_en?, summary_zh?],
                aliases: [aliases_en?, aliases_zh?],
                keywords: [keywords_en?, keywords_zh?],
            },
            terms,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(name: &str) -> Record {
        Record {
            name: name.into(),
            size: 1234,
            modified: (1_700_000_000, 5),
            hash: 42,
            header: Header {
                id: "loyalty-points".into(),
                group: "other".into(),
                urgent: true,
                title: ["Points".into(), "积分".into()],
                summary: ["Points missing".into(), "积分没到".into()],
                aliases: [vec!["points".into()], vec![]],
                keywords: [vec!["points not credited".into()], vec!["积分不见了".into()]],
            },
            terms: "point\0\u{1}积分\0".into(),
        }
    }

    #[test]
    fn an_index_reads_back_what_was_written() {
        let dir = tempfile::tempdir().unwrap();
        let file = file_for(dir.path(), Path::new("/guides"));
        let records = vec![record("a.toml"), record("b.toml")];
        write(&file, Path::new("/guides"), 7, &records).unwrap();
        let index = read(&file, Path::new("/guides"), 7).unwrap();
        assert_eq!(index.records, records);
        assert!(read(&file, Path::new("/other"), 7).is_none(), "another folder");
        assert!(read(&file, Path::new("/guides"), 8).is_none(), "another tokenizer");
    }

    #[test]
    fn a_truncated_or_corrupt_index_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let file = file_for(dir.path(), Path::new("/guides"));
        write(&file, Path::new("/guides"), 7, &[record("a.toml")]).unwrap();
        let bytes = fs::read(&file).unwrap();
        for cut in [0, 3, MAGIC.len() + 5, bytes.len() / 2, bytes.len() - 1] {
            fs::write(&file, bytes.get(..cut).unwrap()).unwrap();
            assert!(read(&file, Path::new("/guides"), 7).is_none(), "cut at {cut}");
        }
        let mut flipped = bytes.clone();
        // A length field made huge: no panic, no huge allocation.
        for b in flipped.get_mut(MAGIC.len() + 8..MAGIC.len() + 12).unwrap() {
            *b = 0xff;
        }
        fs::write(&file, &flipped).unwrap();
        assert!(read(&file, Path::new("/guides"), 7).is_none());
        let mut extra = bytes;
        extra.push(0);
        fs::write(&file, &extra).unwrap();
        assert!(read(&file, Path::new("/guides"), 7).is_none(), "trailing bytes");
    }

    #[test]
    fn a_file_changed_as_the_index_was_written_is_checked_by_content() {
        let dir = tempfile::tempdir().unwrap();
        let guide = dir.path().join("a.toml");
        fs::write(&guide, "one").unwrap();
        let now = timestamp(SystemTime::now());
        let mut r = record("a.toml");
        r.modified = now;
        r.hash = content_hash(b"one");
        let index = Index {
            by_name: HashMap::from([("a.toml".to_string(), 0)]),
            records: vec![r],
            written: now,
        };
        assert!(index.fresh("a.toml", 1234, now, &guide).is_some());
        fs::write(&guide, "two").unwrap();
        assert!(index.fresh("a.toml", 1234, now, &guide).is_none());
        assert!(index.fresh("a.toml", 1235, now, &guide).is_none(), "size");
        assert!(index.fresh("b.toml", 1234, now, &guide).is_none(), "name");
    }
}
