//! The Book page: the account table, its filters, bulk actions and the account form.

macro_rules! book_messages {
    ([$($next:ident)*] { $($msg:tt)* } { $($tpl:tt)* }) => {
        collect! { [$($next)*] { $($msg)*
            BookEmptyTitle => "客户档案还是空的", "The book is empty";
            BookEmptyBody => "从 CSV 或 Excel 导入客户，加载示例数据先体验一下，或手动新增第一个客户。", "Import accounts from a CSV or Excel file, load the demo book to explore, or add your first account by hand.";
            BookAdd => "新增客户", "Add account";
            BookSearch => "搜索名称、ID、行业、区域、负责人", "Search name, id, industry, region, owner";
            BookNoMatch => "没有符合条件的客户。", "No account matches these filters.";
            FilterAnyTier => "全部层级", "All tiers";
            FilterAnyIndustry => "全部行业", "All industries";
            FilterAnyOwner => "全部负责人", "All owners";
            FilterAnyStage => "全部阶段", "All stages";
            FilterAnyHealth => "全部健康度", "All health";
            SelectRow => "选择", "Select";
            SelectAllShown => "全选当前结果", "Select all shown";
            ClearSelection => "取消选择", "Clear selection";
            AssignOwnerPlaceholder => "负责人姓名（留空为未分配）", "Owner name (empty = unassigned)";
            AssignOwner => "分配负责人", "Assign owner";
            DeleteSelected => "删除所选", "Delete selected";
            FormNewTitle => "新增客户", "New account";
            FormEditTitle => "编辑客户", "Edit account";
            FormTerms => "合同周期（由早到晚）", "Contract terms (oldest first)";
            AddTerm => "新增合同周期", "Add term";
            RemoveTerm => "删除此周期", "Remove term";
            TermStart => "开始日期", "Start";
            TermEnd => "到期日期", "End";
            TermArr => "年费", "ARR";
            TermOutcome => "结果", "Outcome";
            TermOutcomeOn => "续约/流失日期", "Renewed / churned on";
            OutcomeOpen => "进行中", "Open";
            OutcomeRenewed => "续约", "Renewed";
            FormHasErrors => "请先修正标红的字段，再保存。", "Fix the fields marked in red to save.";
            ErrEndNotAfterStart => "到期日期必须晚于开始日期。", "The end must be after the start.";
            ErrOverlaps => "与上一个合同周期重叠。", "Overlaps the previous term.";
            ErrOutcomeBeforeStart => "日期早于该周期开始日期。", "Dated before the term starts.";
            ErrFollowsUnrenewed => "上一个周期没有续约，不能接着新周期。", "The term before was not renewed.";
            ErrDuplicateId => "已有其他客户使用这个 ID。", "Another account already uses this id.";
            DemoReplaceTitle => "用示例数据替换当前客户档案？", "Replace your book with the demo book?";
        } { $($tpl)*
            BookShowing { shown, total } => "显示 {shown} / {total} 个客户", "Showing {shown} of {total} accounts";
            SelectedCount { n } => "已选 {n} 个客户", "{n} accounts selected";
            DeletedToast { n } => "已删除 {n} 个客户。", "Deleted {n} accounts.";
            AssignedToast { n } => "已为 {n} 个客户设置负责人。", "Owner set on {n} accounts.";
            DemoReplaceBody { n, size } => "当前客户档案中有 {n} 个客户。载入示例数据后，它们将被 {size} 个示例客户取代；载入后可立即撤销。", "Your book has {n} accounts. The demo book puts {size} demo accounts in their place; you can undo right after.";
            DemoReplaceConfirm { n } => "用示例数据替换我的 {n} 个客户", "Replace my {n} accounts with the demo book";
        } }
    };
}
