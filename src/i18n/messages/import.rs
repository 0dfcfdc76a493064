//! Import, export, backup and the demo book: file problems, row problems and summaries.

macro_rules! import_messages {
    ([$($next:ident)*] { $($msg:tt)* } { $($tpl:tt)* }) => {
        collect! { [$($next)*] { $($msg)*
            ImportTitle => "导入客户", "Import accounts";
            ImportEncodingAuto => "自动识别", "Detect automatically";
            ImportEncodingLabel => "文件编码", "Encoding";
            ImportEncodingDamaged => "部分字节在此编码下无效，请改选另一种编码。", "Some bytes are invalid in this encoding; try the other one.";
            ImportColumnIgnored => "（忽略此列）", "(ignore this column)";
            ImportModeReplace => "替换全部客户", "Replace the whole book";
            ImportModeMerge => "合并：按客户ID或客户名称更新，其余新增", "Merge: update by id or name, add the rest";
            ImportApply => "确认导入", "Import";
            ImportEmptyFile => "文件是空的：没有表头行。", "The file is empty: it has no header line.";
            ImportNoNameColumn => "没有任何列对应“客户名称”，请在列对应关系中指定。", "No column is mapped to the account name; choose one in the column mapping.";
            ReasonUnknownStatus => "状态应为“进行中”“续约”或“流失”（也可写 open、renewed、churned），或留空", "status must be open, renewed or churned, or empty";
            ReasonEndNotAfterStart => "合同到期日必须晚于合同开始日", "the contract must end after it starts";
            ReasonNotWithStatus => "与该行的状态不符，应留空", "does not fit the row's status; leave it empty";
            ExportCsv => "导出 CSV", "Export CSV";
            BackupExport => "下载备份（JSON）", "Download backup (JSON)";
            BackupNotJson => "这不是 JSON 文件。", "This is not a JSON file.";
            BackupNotOurs => "这不是 CS 规划的备份文件。", "This is not a CS Planner backup.";
            DemoLoad => "载入示例客户", "Load a demo book";
            ImportOpen => "导入 Excel、CSV 或备份", "Import Excel, CSV or backup";
            ImportDrop => "也可以把 Excel（.xlsx）、CSV 或备份文件拖放到这个页面。", "You can also drop an Excel (.xlsx), CSV or backup file on this page.";
            RejectedProblemColumn => "问题", "Problem";
            ImportDownloadRejected => "下载被拒绝的行（改好后可再导入）", "Download the rejected rows (fix them, then import again)";
            ImportNothing => "没有可导入的客户：请检查列对应关系和被拒绝的行。", "No account can be imported: check the column mapping and the rejected rows.";
            ImportReadFailed => "无法读取这个文件。", "The file could not be read.";
            ImportClose => "关闭", "Close";
            BackupApply => "确认恢复", "Restore";
            RestoredToast => "已从备份恢复。", "Restored from the backup.";
            DemoSize => "示例规模", "Demo size";
            DataActions => "导入与导出", "Import and export";

            ImportOldXls => "这是旧版 Excel（.xls）或加密的工作簿，无法直接读取。", "This is an old Excel file (.xls) or a password-protected workbook, which cannot be read directly.";
            ImportNumbers => "这是 Apple Numbers 文件。", "This is an Apple Numbers file.";
            ImportOds => "这是 LibreOffice / OpenDocument 表格。", "This is a LibreOffice / OpenDocument spreadsheet.";
            ImportNotATable => "这不是 CSV 或 Excel（.xlsx）表格。", "This is not a CSV or Excel (.xlsx) table.";
            ImportDamagedXlsx => "这个 Excel 文件已损坏或不完整。", "This Excel file is damaged or incomplete.";
            ImportSaveAs => "请在 Excel 或 WPS 中另存为 .xlsx 或 CSV（UTF-8）后再导入。", "Save it as .xlsx or CSV (UTF-8) in Excel or WPS, then import that.";
            ImportSheet => "工作表", "Sheet";
            ExportLanguage => "导出的表头与状态语言", "Language of the export's headers and statuses";
        } { $($tpl)*
            ImportEncoding { encoding } => "文件编码：{encoding}。", "File encoding: {encoding}.";
            ImportSummary { accounts, imported, rejected, blank } => "可导入 {accounts} 个客户（{imported} 行）；{rejected} 行被拒绝；跳过 {blank} 个空行。", "Accounts that can be imported: {accounts} (rows: {imported}). Rejected rows: {rejected}. Blank rows skipped: {blank}.";
            ImportGeneratedIds { n } => "{n} 个客户没有客户ID，已自动生成。", "Accounts without an id, given a generated one: {n}.";
            MergeSummary { added, updated, removed } => "新增 {added} 个客户，更新 {updated} 个，移除 {removed} 个。", "Accounts added: {added}, updated: {updated}, removed: {removed}.";
            ImportMalformed { line } => "第 {line} 行无法按 CSV 格式读取。", "Line {line} cannot be read as CSV.";
            ImportFieldTwice { field } => "“{field}”对应了多列，每个字段只能对应一列。", "\"{field}\" is mapped from more than one column; map each field from one column only.";
            RowAtColumn { line, column, value, reason } => "第 {line} 行，“{column}”列（“{value}”）：{reason}", "Line {line}, column \"{column}\" (\"{value}\"): {reason}";
            RowAtEmptyColumn { line, column, reason } => "第 {line} 行，“{column}”列：{reason}", "Line {line}, column \"{column}\": {reason}";
            RowAtMissingColumn { line, column, reason } => "第 {line} 行，“{column}”（文件中没有这一列）：{reason}", "Line {line}, \"{column}\" (the file has no such column): {reason}";
            RowWhole { line, reason } => "第 {line} 行：{reason}", "Line {line}: {reason}";
            ReasonIdOfAnotherCustomer { line } => "客户ID 与第 {line} 行相同，但客户名称不同：两个客户用了同一个 ID。第 {line} 行保留，请为这一行改一个 ID", "same id as line {line}, but another customer's name: two customers share an id. Line {line} is kept; give this row its own id";
            ReasonDuplicateTerm { line } => "与第 {line} 行的客户ID和合同开始日都相同，是重复行", "repeats line {line} (same id and contract start)";
            ReasonFollowsUnrenewedTerm { line } => "同一客户在第 {line} 行的上一期合同没有续约，之后不能再有合同", "the account's previous term (line {line}) was not renewed, so no term can follow it";
            ReasonOverlapsTerm { line } => "与同一客户第 {line} 行的合同期重叠", "overlaps the account's term on line {line}";
            ReasonDiffersFromRenewedArr { line } => "与第 {line} 行填写的续约金额不一致", "differs from the renewed_arr on line {line}";
            ReasonAccountRejected { line } => "同一客户的第 {line} 行有错误，该客户的所有行都未导入", "another row of this account (line {line}) has an error, so none of its rows were imported";
            ReasonExtraCells { found, expected } => "有 {found} 个单元格，但表头只有 {expected} 列（含逗号的名称需加引号）", "has {found} cells but the header has {expected} columns (quote names that contain commas)";
            BackupNewer { found, supported } => "这个备份来自更新的版本（格式 {found}，当前版本最高支持 {supported}），请先更新应用。", "This backup comes from a newer version (format {found}; this version reads up to {supported}). Update the app first.";
            BackupDamaged { detail } => "备份文件内容有误：{detail}", "The backup is damaged: {detail}";
            ImportFileLabel { name } => "文件：{name}", "File: {name}";
            ImportPreviewRows { n } => "前 {n} 行预览（表头可改对应字段）", "First {n} rows (change a column's field in its header)";
            ImportRejectedTitle { rows, problems } => "被拒绝的行：{rows} 行，共 {problems} 个问题", "Rejected rows: {rows}, with {problems} problems";
            ImportMoreNotShown { n } => "另有 {n} 条未显示。", "{n} more not shown.";
            ImportReading { pct } => "正在读取文件… {pct}%", "Reading the file… {pct}%";
            ImportChecking { pct } => "正在检查各行… {pct}%", "Checking the rows… {pct}%";
            ImportedToast { summary } => "导入完成。{summary}", "Import done. {summary}";
            BackupPreview { at, accounts } => "备份导出于 {at}，包含 {accounts} 个客户，以及设置和方案。恢复后将替换当前的客户档案、设置和方案。", "Backup exported {at}: {accounts} accounts, with settings and scenarios. Restoring replaces the current book, settings and scenarios.";
            DemoLoadedToast { n } => "已载入示例客户档案：{n} 个客户。", "Demo book loaded: {n} accounts.";
        } }
    };
}
