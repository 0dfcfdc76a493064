//! The columns of the book's CSV (DOMAIN.md §1) and which file column feeds which.

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// A column of the book's CSV.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Field {
    Id,
    Name,
    Industry,
    Region,
    Owner,
    Arr,
    PotentialArr,
    Fit,
    Activity,
    Depth,
    Satisfaction,
    HealthOverride,
    GoLive,
    LastTouch,
    Referrals,
    ExpansionArr,
    ContractStart,
    ContractEnd,
    Status,
    RenewedOn,
    RenewedArr,
    ChurnedOn,
}

impl Field {
    /// In the order of DOMAIN.md §1, which is also the order export writes, and the order of
    /// declaration (code indexes tables by `field as usize`).
    pub const ALL: [Field; 22] = [
        Field::Id,
        Field::Name,
        Field::Industry,
        Field::Region,
        Field::Owner,
        Field::Arr,
        Field::PotentialArr,
        Field::Fit,
        Field::Activity,
        Field::Depth,
        Field::Satisfaction,
        Field::HealthOverride,
        Field::GoLive,
        Field::LastTouch,
        Field::Referrals,
        Field::ExpansionArr,
        Field::ContractStart,
        Field::ContractEnd,
        Field::Status,
        Field::RenewedOn,
        Field::RenewedArr,
        Field::ChurnedOn,
    ];

    /// The English header, as export writes it.
    pub fn header(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Name => "name",
            Field::Industry => "industry",
            Field::Region => "region",
            Field::Owner => "owner",
            Field::Arr => "arr",
            Field::PotentialArr => "potential_arr",
            Field::Fit => "fit",
            Field::Activity => "activity",
            Field::Depth => "depth",
            Field::Satisfaction => "satisfaction",
            Field::HealthOverride => "health_override",
            Field::GoLive => "go_live",
            Field::LastTouch => "last_touch",
            Field::Referrals => "referrals",
            Field::ExpansionArr => "expansion_arr",
            Field::ContractStart => "contract_start",
            Field::ContractEnd => "contract_end",
            Field::Status => "status",
            Field::RenewedOn => "renewed_on",
            Field::RenewedArr => "renewed_arr",
            Field::ChurnedOn => "churned_on",
        }
    }

    /// The Chinese headers accepted for the field; the first is the one shown.
    pub fn zh_headers(self) -> &'static [&'static str] {
        match self {
            Field::Id => &["客户ID"],
            Field::Name => &["客户名称"],
            Field::Industry => &["行业"],
            Field::Region => &["区域"],
            Field::Owner => &["客户成功经理", "负责人"],
            Field::Arr => &["ARR", "年费", "合同金额"],
            Field::PotentialArr => &["潜在ARR"],
            Field::Fit => &["匹配度"],
            Field::Activity => &["活跃率"],
            Field::Depth => &["应用深度"],
            Field::Satisfaction => &["满意度"],
            Field::HealthOverride => &["健康度(手动)"],
            Field::GoLive => &["上线日期"],
            Field::LastTouch => &["最近联系"],
            Field::Referrals => &["转介绍数"],
            Field::ExpansionArr => &["增购金额"],
            Field::ContractStart => &["合同开始"],
            Field::ContractEnd => &["合同到期"],
            Field::Status => &["状态"],
            Field::RenewedOn => &["续约日期"],
            Field::RenewedArr => &["续约金额"],
            Field::ChurnedOn => &["流失日期"],
        }
    }

    /// Column names CRM exports use for the field: HubSpot and Salesforce company/account
    /// exports and common Chinese CRMs. Matched as loosely as the app's own headers.
    pub fn crm_headers(self) -> &'static [&'static str] {
        match self {
            Field::Id => &["Record ID", "Account ID", "Company ID", "客户编号", "客户编码"],
            Field::Name => &["Company name", "Account Name", "Company", "公司名称", "客户名", "企业名称"],
            Field::Industry => &["所属行业", "行业分类"],
            Field::Region => &["Country/Region", "Billing Country", "Country", "地区", "所在地区", "省份"],
            Field::Owner => {
                &["Company owner", "Account Owner", "CSM", "Customer Success Manager", "客户经理", "归属人"]
            }
            Field::Arr => &["Annual recurring revenue", "年度合同金额", "年合同额", "年度经常性收入"],
            Field::ContractStart => &["Contract Start Date", "Contract start", "合同开始日期", "合同起始日"],
            Field::ContractEnd => {
                &["Renewal date", "Contract End Date", "Contract end", "到期日", "合同到期日", "合同结束日期"]
            }
            Field::Status => &["Contract Status", "合同状态"],
            Field::GoLive => &["Go-live date", "上线时间"],
            Field::LastTouch => &["Last contacted", "Last activity date", "最近联系日期", "最后跟进时间"],
            Field::HealthOverride => &["Health score", "健康分"],
            _ => &[],
        }
    }

    /// The column's name for a user who has no file column to point at.
    pub fn label(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh_headers()[0],
            Lang::En => self.header(),
        }
    }

    /// The field a header names, if any: English or Chinese, ignoring case, spaces,
    /// `_`/`-` and full- vs half-width parentheses.
    pub fn from_header(header: &str) -> Option<Field> {
        let key = normalize(header);
        if key.is_empty() {
            return None;
        }
        Field::ALL
            .into_iter()
            .find(|f| normalize(f.header()) == key || f.zh_headers().iter().any(|z| normalize(z) == key))
            .or_else(|| Field::ALL.into_iter().find(|f| f.crm_headers().iter().any(|c| normalize(c) == key)))
    }
}

fn normalize(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '-' | '\u{feff}'))
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Which field each column of the file feeds; `None` = the column is ignored.
/// The UI shows it for the user to correct before importing.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ColumnMapping {
    pub columns: Vec<Option<Field>>,
}

impl ColumnMapping {
    /// Each header's field; when two headers name the same field, the first keeps it and the
    /// later one is ignored, so one cell never silently overrides another.
    pub fn guess(headers: &[String]) -> ColumnMapping {
        let mut columns: Vec<Option<Field>> = Vec::with_capacity(headers.len());
        for h in headers {
            let f = Field::from_header(h).filter(|f| !columns.contains(&Some(*f)));
            columns.push(f);
        }
        ColumnMapping { columns }
    }

    /// The first column mapped to `field`.
    pub fn column_of(&self, field: Field) -> Option<usize> {
        self.columns.iter().position(|c| *c == Some(field))
    }

    /// Fields mapped from more than one column (the UI should not allow it; import refuses it).
    pub fn duplicated(&self) -> Vec<Field> {
        Field::ALL.into_iter().filter(|f| self.columns.iter().filter(|c| **c == Some(*f)).count() > 1).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(hs: &[&str]) -> Vec<String> {
        hs.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn english_headers_loosely() {
        assert_eq!(Field::from_header("contract_start"), Some(Field::ContractStart));
        assert_eq!(Field::from_header(" Contract Start "), Some(Field::ContractStart));
        assert_eq!(Field::from_header("HEALTH-OVERRIDE"), Some(Field::HealthOverride));
        assert_eq!(Field::from_header("Arr"), Some(Field::Arr));
        assert_eq!(Field::from_header("\u{feff}id"), Some(Field::Id));
        assert_eq!(Field::from_header("notes"), None);
        assert_eq!(Field::from_header(""), None);
    }

    #[test]
    fn chinese_aliases() {
        assert_eq!(Field::from_header("客户ID"), Some(Field::Id));
        assert_eq!(Field::from_header("客户id"), Some(Field::Id));
        assert_eq!(Field::from_header("负责人"), Some(Field::Owner));
        assert_eq!(Field::from_header("客户成功经理"), Some(Field::Owner));
        assert_eq!(Field::from_header("年费"), Some(Field::Arr));
        assert_eq!(Field::from_header("合同金额"), Some(Field::Arr));
        assert_eq!(Field::from_header("潜在 ARR"), Some(Field::PotentialArr));
        assert_eq!(Field::from_header("健康度(手动)"), Some(Field::HealthOverride));
        assert_eq!(Field::from_header("健康度（手动）"), Some(Field::HealthOverride));
        assert_eq!(Field::from_header("合同到期"), Some(Field::ContractEnd));
        assert_eq!(Field::from_header("流失日期"), Some(Field::ChurnedOn));
        assert_eq!(Field::from_header("备注"), None);
    }

    #[test]
    fn crm_exports_map_themselves() {
        // HubSpot companies, Salesforce accounts, a Chinese CRM.
        let hubspot = [
            "Record ID",
            "Company name",
            "Company owner",
            "Annual recurring revenue",
            "Renewal date",
            "Industry",
            "Country/Region",
        ];
        let m = ColumnMapping::guess(&headers(&hubspot));
        assert_eq!(
            m.columns,
            vec![
                Some(Field::Id),
                Some(Field::Name),
                Some(Field::Owner),
                Some(Field::Arr),
                Some(Field::ContractEnd),
                Some(Field::Industry),
                Some(Field::Region)
            ]
        );
        let salesforce = ["Account ID", "Account Name", "Account Owner", "Contract Start Date", "Contract End Date"];
        let m = ColumnMapping::guess(&headers(&salesforce));
        assert_eq!(
            m.columns,
            vec![
                Some(Field::Id),
                Some(Field::Name),
                Some(Field::Owner),
                Some(Field::ContractStart),
                Some(Field::ContractEnd)
            ]
        );
        let zh = ["客户名称", "负责人", "年度合同金额", "到期日", "合同开始日期"];
        let m = ColumnMapping::guess(&headers(&zh));
        assert_eq!(
            m.columns,
            vec![
                Some(Field::Name),
                Some(Field::Owner),
                Some(Field::Arr),
                Some(Field::ContractEnd),
                Some(Field::ContractStart)
            ]
        );
        // The app's own names win over a CRM's: "Company" alone is a name, "Annual Revenue" is not ARR.
        assert_eq!(Field::from_header("Annual Revenue"), None);
        assert_eq!(Field::from_header("company"), Some(Field::Name));
    }

    #[test]
    fn every_field_round_trips_its_headers() {
        for (i, f) in Field::ALL.into_iter().enumerate() {
            assert_eq!(f as usize, i);
            assert_eq!(Field::from_header(f.header()), Some(f));
            for z in f.zh_headers() {
                assert_eq!(Field::from_header(z), Some(f), "{z}");
            }
        }
    }

    #[test]
    fn guess_ignores_unknown_and_repeated_columns() {
        let m = ColumnMapping::guess(&headers(&["客户名称", "备注", "ARR", "年费", "id"]));
        assert_eq!(m.columns, vec![Some(Field::Name), None, Some(Field::Arr), None, Some(Field::Id)]);
        assert_eq!(m.column_of(Field::Arr), Some(2));
        assert_eq!(m.column_of(Field::Owner), None);
        assert!(m.duplicated().is_empty());
        let edited = ColumnMapping { columns: vec![Some(Field::Name), Some(Field::Name)] };
        assert_eq!(edited.duplicated(), vec![Field::Name]);
    }
}
