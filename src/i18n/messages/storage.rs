//! The notices about the saved book in browser storage.

macro_rules! storage_messages {
    ([$($next:ident)*] { $($msg:tt)* } { $($tpl:tt)* }) => {
        collect! { [$($next)*] { $($msg)*
            StorageTruncated => "保存的客户档案不完整：上次保存被中断了。", "The saved book is incomplete: the last save was cut off.";
            StorageCorrupt => "保存的客户档案已损坏，无法读取。", "The saved book is damaged and cannot be read.";
            StorageUseGood => "使用上一份完好的副本", "Use the last good copy";
            StorageDownloadRaw => "下载原始数据", "Download the raw data";
            StorageStartOver => "从空白档案开始", "Start with an empty book";
            StorageNewer => "这份档案由更新版本的 CS 规划保存，这里只能只读查看。", "This book was saved by a newer version of CS Planner; it is shown read-only.";
            StorageNewerUnreadable => "这份档案由更新版本的 CS 规划保存，当前版本无法读取。", "This book was saved by a newer version of CS Planner, which this version cannot read.";
            StorageQuota => "浏览器存储空间已满，最近的修改没有保存。请下载备份。", "The browser's storage is full: recent changes are not saved. Download a backup.";
            StorageGoodStale => "存储空间不够保留两份副本，备用副本是较早的版本。", "Not enough room for two copies: the backup copy is an older version.";
            StorageUnavailable => "浏览器存储不可用（可能处于隐私模式或已被禁用）：客户档案只保存在当前页面中，关闭前请下载备份。", "Browser storage is unavailable (private mode, or disabled): the book lives in this page only. Download a backup before closing it.";
            StorageOtherTab => "另一个标签页保存了不同版本的客户档案，而这里还有未保存的修改。", "Another tab saved a different version of the book while this one has unsaved changes.";
            StorageLoadTheirs => "载入另一个标签页的版本", "Load the other tab's version";
            StorageKeepMine => "保留这里的版本（覆盖另一个）", "Keep this version (overwrites the other)";
            StorageSaveFailed => "保存失败，数据仍在当前页面中。请下载备份。", "Saving failed; the book is still open in this page. Download a backup.";
        } { $($tpl)*
            StorageBookSize { chars } => "档案大小：{chars} 个字符。", "Book size: {chars} characters.";
            StorageGoodSavedAt { at } => "（保存于 {at}）", "(saved {at})";
        } }
    };
}
