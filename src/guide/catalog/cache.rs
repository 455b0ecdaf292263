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
use std::fmt::Write as _;
use std::fs;
use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The file's first bytes, and the format's version (a change makes old indexes unreadable).
/// The whole file is text: numbers in decimal, strings after their length in bytes.
const MAGIC: &str = "wallet-help guide index 2\n";
/// A file modified less than this before the index was written is checked by its content.
const RACY: Duration = Duration::from_secs(2);
/// No index is trusted beyond this size (a thousand guides make about 1 MB).
const MAX_INDEX: u64 = 64 << 20;

/// What the index keeps of one guide file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Record {
    /// The file's name within the folder (or the file itself, when `--guides` names a file);
    /// a record read back leaves it to the index's map.
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

/// A record to write, borrowed from the catalog's entry: writing a thousand records copies
/// none of them.
pub(super) struct Draft<'r> {
    pub name: &'r str,
    pub size: u64,
    pub modified: (u64, u32),
    pub hash: u32,
    pub id: &'r str,
    pub group: &'r str,
    pub urgent: bool,
    pub title: [&'r str; 2],
    pub summary: [&'r str; 2],
    pub aliases: [&'r [String]; 2],
    pub keywords: [&'r [String]; 2],
    pub terms: &'r str,
}

impl Record {
    /// This record, to write.
    #[cfg(test)]
    pub fn draft(&self) -> Draft<'_> {
        let h = &self.header;
        Draft {
            name: &self.name,
            size: self.size,
            modified: self.modified,
            hash: self.hash,
            id: &h.id,
            group: &h.group,
            urgent: h.urgent,
            title: [&h.title[0], &h.title[1]],
            summary: [&h.summary[0], &h.summary[1]],
            aliases: [&h.aliases[0], &h.aliases[1]],
            keywords: [&h.keywords[0], &h.keywords[1]],
            terms: &self.terms,
        }
    }
}

/// How a record was found unchanged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Freshness {
    /// By size and time, well before the index was written.
    Safe,
    /// By content: the file changed too close to the index's writing to trust its time.
    Checked,
}

/// An index read back: its records and when it was written.
pub(super) struct Index {
    /// `None` once taken.
    records: Vec<Option<Record>>,
    pub written: (u64, u32),
    /// Record by file name.
    by_name: HashMap<String, usize>,
}

impl Index {
    /// The record for `name`, if its file is unchanged: same size and time, and either older
    /// than the index by a safe margin or, read again, the same content (`Checked`: the index
    /// is worth writing again, to be past the margin next time).
    pub fn fresh(
        &self,
        name: &str,
        size: u64,
        modified: (u64, u32),
        path: &Path,
    ) -> Option<(usize, Freshness)> {
        let at = *self.by_name.get(name)?;
        let record = self.records.get(at)?.as_ref()?;
        if record.size != size || record.modified != modified {
            return None;
        }
        let file_time = UNIX_EPOCH + Duration::new(modified.0, modified.1);
        let index_time = UNIX_EPOCH + Duration::new(self.written.0, self.written.1);
        let safe = file_time.checked_add(RACY).is_some_and(|t| t < index_time);
        if safe {
            Some((at, Freshness::Safe))
        } else if fs::read(path).is_ok_and(|bytes| content_hash(&bytes) == record.hash) {
            Some((at, Freshness::Checked))
        } else {
            None
        }
    }
}

impl Index {
    /// How many records it holds.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// Takes record `at` out of the index.
    pub fn take(&mut self, at: usize) -> Option<Record> {
        self.records.get_mut(at)?.take()
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
/// Read through a buffer, record by record: the file's text is never in memory whole.
pub(super) fn read(file: &Path, folder: &Path, version: u64) -> Option<Index> {
    let opened = fs::File::open(file).ok()?;
    let size = opened.metadata().ok()?.len();
    if size > MAX_INDEX {
        return None;
    }
    let mut r = Reader {
        source: BufReader::with_capacity(64 << 10, opened),
        left: usize::try_from(size).ok()?,
    };
    if r.bytes(MAGIC.len())? != MAGIC.as_bytes()
        || r.u64()? != version
        || r.string()? != folder.to_string_lossy()
    {
        return None;
    }
    let written = (r.u64()?, r.u32()?);
    let count = usize::try_from(r.u64()?).ok()?;
    // Each record takes far more than 16 bytes: a count beyond that is corrupt.
    if count > r.left / 16 {
        return None;
    }
    let mut records = Vec::with_capacity(count);
    let mut by_name = HashMap::with_capacity(count);
    for at in 0..count {
        let mut record = r.record()?;
        // The name is the key; the record need not keep a copy.
        by_name.insert(std::mem::take(&mut record.name), at);
        records.push(Some(record));
    }
    (r.left == 0 && r.source.fill_buf().ok()?.is_empty()).then_some(Index {
        records,
        written,
        by_name,
    })
}

/// Writes the index of `folder` to `file`, atomically; errors are for the caller to ignore.
/// The records are written as they come, through a buffer: the whole index is never in
/// memory at once.
pub(super) fn write<'r>(
    file: &Path,
    folder: &Path,
    version: u64,
    records: impl ExactSizeIterator<Item = Draft<'r>>,
) -> std::io::Result<()> {
    let dir = file.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let temp = tempfile::NamedTempFile::new_in(dir)?;
    let mut out = Writer {
        sink: std::io::BufWriter::with_capacity(64 << 10, temp),
        text: String::new(),
    };
    out.text.push_str(MAGIC);
    put_u64(&mut out.text, version);
    put_str(&mut out.text, &folder.to_string_lossy());
    let (secs, nanos) = timestamp(SystemTime::now());
    put_u64(&mut out.text, secs);
    put_u64(&mut out.text, u64::from(nanos));
    put_u64(&mut out.text, records.len() as u64);
    for record in records {
        put_record(&mut out.text, &record);
        out.flush_text()?;
    }
    out.flush_text()?;
    let temp = out
        .sink
        .into_inner()
        .map_err(std::io::IntoInnerError::into_error)?;
    temp.persist(file).map_err(|e| e.error)?;
    Ok(())
}

/// A record's text, then written to the buffered file.
struct Writer {
    sink: std::io::BufWriter<tempfile::NamedTempFile>,
    text: String,
}

impl Writer {
    fn flush_text(&mut self) -> std::io::Result<()> {
        self.sink.write_all(self.text.as_bytes())?;
        self.text.clear();
        Ok(())
    }
}

/// A number: its digits and `;`.
fn put_u64(out: &mut String, n: u64) {
    let _ = write!(out, "{n};");
}

/// A string: its length in bytes, `:`, and itself.
fn put_str(out: &mut String, s: &str) {
    let _ = write!(out, "{}:", s.len());
    out.push_str(s);
}

fn put_strs(out: &mut String, strs: &[String]) {
    put_u64(out, strs.len() as u64);
    for s in strs {
        put_str(out, s);
    }
}

fn put_record(out: &mut String, r: &Draft<'_>) {
    put_str(out, r.name);
    put_u64(out, r.size);
    put_u64(out, r.modified.0);
    put_u64(out, u64::from(r.modified.1));
    put_u64(out, u64::from(r.hash));
    for s in [
        r.id,
        r.group,
        r.title[0],
        r.title[1],
        r.summary[0],
        r.summary[1],
    ] {
        put_str(out, s);
    }
    put_u64(out, u64::from(r.urgent));
    for words in r.aliases.iter().chain(&r.keywords) {
        put_strs(out, words);
    }
    put_str(out, r.terms);
}

/// The number `digits` spell: at least one, at most 20, and no overflow.
fn number(digits: &[u8]) -> Option<u64> {
    if digits.is_empty() || digits.len() > 20 {
        return None;
    }
    digits.iter().try_fold(0u64, |n, b| {
        let digit = u64::from(b.checked_sub(b'0').filter(|d| *d <= 9)?);
        n.checked_mul(10)?.checked_add(digit)
    })
}

/// Reads what `put_*` wrote; `None` at the first thing that does not fit.
struct Reader {
    source: BufReader<fs::File>,
    /// The bytes of the file not read yet (as it was when opened).
    left: usize,
}

impl Reader {
    /// Digits up to `end`, as a number (at most 20 digits, and no overflow).
    fn digits(&mut self, end: u8) -> Option<u64> {
        // Mostly the whole number is in the buffer; else it is read byte by byte.
        let buffer = self.source.fill_buf().ok()?;
        if let Some(len) = buffer.iter().take(21).position(|b| *b == end) {
            let n = number(buffer.get(..len)?)?;
            self.source.consume(len + 1);
            self.left = self.left.checked_sub(len + 1)?;
            return Some(n);
        }
        let mut digits = Vec::with_capacity(20);
        for _ in 0..21 {
            match self.byte()? {
                b if b == end => return number(&digits),
                b => digits.push(b),
            }
        }
        None
    }

    fn byte(&mut self) -> Option<u8> {
        let b = *self.source.fill_buf().ok()?.first()?;
        self.source.consume(1);
        self.left = self.left.checked_sub(1)?;
        Some(b)
    }

    /// The next `n` bytes, when the file has them.
    fn bytes(&mut self, n: usize) -> Option<Vec<u8>> {
        self.left = self.left.checked_sub(n)?;
        let mut bytes = vec![0; n];
        self.source.read_exact(&mut bytes).ok()?;
        Some(bytes)
    }

    fn u64(&mut self) -> Option<u64> {
        self.digits(b';')
    }

    fn u32(&mut self) -> Option<u32> {
        u32::try_from(self.u64()?).ok()
    }

    /// A string: its length, `:`, and that many bytes of UTF-8.
    fn string(&mut self) -> Option<String> {
        let n = usize::try_from(self.digits(b':')?).ok()?;
        String::from_utf8(self.bytes(n)?).ok()
    }

    fn strings(&mut self) -> Option<Vec<String>> {
        let n = usize::try_from(self.u64()?).ok()?;
        // Each string takes at least two bytes: a count beyond that is corrupt.
        if n > self.left / 2 {
            return None;
        }
        (0..n).map(|_| self.string()).collect()
    }

    fn record(&mut self) -> Option<Record> {
        let name = self.string()?;
        let size = self.u64()?;
        let modified = (self.u64()?, self.u32()?);
        let hash = self.u32()?;
        let id = self.string()?;
        let group = self.string()?;
        let title = [self.string()?, self.string()?];
        let summary = [self.string()?, self.string()?];
        let urgent = match self.u64()? {
            0 => false,
            1 => true,
            _ => return None,
        };
        let aliases = [self.strings()?, self.strings()?];
        let keywords = [self.strings()?, self.strings()?];
        let terms = self.string()?;
        Some(Record {
            name,
            size,
            modified,
            hash,
            header: Header {
                id,
                group,
                urgent,
                title,
                summary,
                aliases,
                keywords,
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
                keywords: [
                    vec!["points not credited".into()],
                    vec!["积分不见了".into()],
                ],
            },
            terms: "point\0\u{1}积分\0".into(),
        }
    }

    #[test]
    fn an_index_reads_back_what_was_written() {
        let dir = tempfile::tempdir().unwrap();
        let file = file_for(dir.path(), Path::new("/guides"));
        let records = [record("a.toml"), record("b.toml")];
        write(
            &file,
            Path::new("/guides"),
            7,
            records.iter().map(Record::draft),
        )
        .unwrap();
        let mut index = read(&file, Path::new("/guides"), 7).unwrap();
        assert_eq!(index.len(), 2);
        // A record read back leaves its name with the index, which finds it by name.
        let unnamed = records.map(|r| {
            Some(Record {
                name: String::new(),
                ..r
            })
        });
        assert_eq!([index.take(0), index.take(1)], unnamed);
        assert!(index.by_name.contains_key("a.toml") && index.by_name.contains_key("b.toml"));
        assert!(
            read(&file, Path::new("/other"), 7).is_none(),
            "another folder"
        );
        assert!(
            read(&file, Path::new("/guides"), 8).is_none(),
            "another tokenizer"
        );
    }

    #[test]
    fn a_truncated_or_corrupt_index_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let file = file_for(dir.path(), Path::new("/guides"));
        write(
            &file,
            Path::new("/guides"),
            7,
            std::iter::once(record("a.toml").draft()),
        )
        .unwrap();
        let bytes = fs::read(&file).unwrap();
        for cut in [0, 3, MAGIC.len() + 5, bytes.len() / 2, bytes.len() - 1] {
            fs::write(&file, bytes.get(..cut).unwrap()).unwrap();
            assert!(
                read(&file, Path::new("/guides"), 7).is_none(),
                "cut at {cut}"
            );
        }
        let mut flipped = bytes.clone();
        // A length made huge, or a digit that is not one: no panic, no huge allocation.
        let at = MAGIC.len() + 2;
        flipped.splice(at..at, b"99999999999999".iter().copied());
        fs::write(&file, &flipped).unwrap();
        assert!(read(&file, Path::new("/guides"), 7).is_none());
        let mut bad = bytes.clone();
        *bad.get_mut(MAGIC.len()).unwrap() = b'x';
        fs::write(&file, &bad).unwrap();
        assert!(read(&file, Path::new("/guides"), 7).is_none());
        // A length that ends inside a character (积 is three bytes).
        let text = String::from_utf8(bytes.clone()).unwrap();
        let split = text.replace("6:积分", "4:积分");
        assert_ne!(split, text);
        fs::write(&file, split).unwrap();
        assert!(read(&file, Path::new("/guides"), 7).is_none());
        let mut extra = bytes;
        extra.push(0);
        fs::write(&file, &extra).unwrap();
        assert!(
            read(&file, Path::new("/guides"), 7).is_none(),
            "trailing bytes"
        );
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
            records: vec![Some(r)],
            written: now,
        };
        assert_eq!(
            index.fresh("a.toml", 1234, now, &guide).map(|(_, f)| f),
            Some(Freshness::Checked)
        );
        fs::write(&guide, "two").unwrap();
        assert!(index.fresh("a.toml", 1234, now, &guide).is_none());
        assert!(index.fresh("a.toml", 1235, now, &guide).is_none(), "size");
        assert!(index.fresh("b.toml", 1234, now, &guide).is_none(), "name");
    }
}
