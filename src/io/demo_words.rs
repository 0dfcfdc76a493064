//! Word lists the demo book draws company, people, industry and region names from.

use crate::i18n::Lang;

pub struct Words {
    pub industries: &'static [&'static str],
    pub regions: &'static [&'static str],
    pub csms: &'static [&'static str],
    /// Company names: one of each, in order (`{a}{b}{c}`, with `joiner` between).
    pub name_a: &'static [&'static str],
    pub name_b: &'static [&'static str],
    /// One per industry, same order as `industries`, so the name fits the industry.
    pub name_c: &'static [&'static [&'static str]],
    pub joiner: &'static str,
}

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

static ZH: Words = Words {
    industries: &["制造", "零售", "金融", "医疗", "教育", "软件与互联网", "物流", "能源", "房地产", "专业服务"],
    regions: &["华东", "华北", "华南", "华中", "西南", "西北", "东北"],
    csms: &["王芳", "李娜", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周杰", "吴婷", "徐昊", "孙悦"],
    name_a: &[
        "华东", "江南", "杭州", "苏州", "深圳", "成都", "武汉", "南京", "青岛", "厦门", "宁波", "长沙", "西安", "重庆",
        "天津", "合肥", "无锡", "佛山", "东莞", "大连", "昆明", "济南", "福州", "郑州",
    ],
    name_b: &[
        "智造", "云帆", "数联", "鼎盛", "华信", "星河", "博远", "恒通", "启明", "瑞丰", "中科", "新元", "天成", "金石",
        "蓝海", "卓越", "远航", "汇智", "正泰", "明德", "安泰", "宏图", "精诚", "思源", "一帆", "青松", "凌云", "万象",
        "长风", "东方",
    ],
    name_c: &[
        &["精密制造", "机械", "电子", "智能装备"],
        &["商贸", "零售", "连锁", "电商"],
        &["金融服务", "资本", "保险经纪", "投资"],
        &["医疗", "医药", "健康科技", "生物"],
        &["教育科技", "培训", "学堂", "文化"],
        &["科技", "软件", "网络", "信息技术"],
        &["物流", "供应链", "速运", "仓储"],
        &["能源", "新能源", "电力", "环保"],
        &["置业", "地产", "物业", "建设"],
        &["咨询", "会计师事务所", "人力资源", "律师事务所"],
    ],
    joiner: "",
};

static EN: Words = Words {
    industries: &[
        "Manufacturing",
        "Retail",
        "Financial services",
        "Healthcare",
        "Education",
        "Software",
        "Logistics",
        "Energy",
        "Real estate",
        "Professional services",
    ],
    regions: &["Northeast", "Southeast", "Midwest", "West", "EMEA", "APAC"],
    csms: &[
        "Alice Chen",
        "Ben Carter",
        "Chloe Davis",
        "Diego Martinez",
        "Emma Wilson",
        "Farah Khan",
        "George Miller",
        "Hana Kim",
        "Ivan Petrov",
        "Julia Rossi",
        "Kofi Mensah",
        "Laura Smith",
    ],
    name_a: &[
        "Northwind",
        "Blue Ridge",
        "Summit",
        "Pioneer",
        "Harbor",
        "Granite",
        "Cedar",
        "Evergreen",
        "Redwood",
        "Silverline",
        "Apex",
        "Beacon",
        "Crescent",
        "Falcon",
        "Horizon",
        "Ironwood",
        "Keystone",
        "Lakeside",
        "Meridian",
        "Orchard",
        "Pinnacle",
        "Riverside",
        "Sterling",
        "Vanguard",
    ],
    name_b: &[
        "", "", "", "", "Bay", "Valley", "Peak", "North", "Global", "United", "Prime", "Coastal", "Metro", "First",
        "Bright", "Clear",
    ],
    name_c: &[
        &["Manufacturing", "Industries", "Machining", "Components"],
        &["Retail", "Outfitters", "Markets", "Goods"],
        &["Capital", "Financial", "Insurance", "Credit Union"],
        &["Health", "Medical", "Clinics", "Biotech"],
        &["Learning", "Academy", "Education", "Schools"],
        &["Software", "Analytics", "Systems", "Labs"],
        &["Logistics", "Freight", "Shipping", "Supply"],
        &["Energy", "Power", "Solar", "Utilities"],
        &["Properties", "Realty", "Homes", "Estates"],
        &["Consulting", "Partners", "Advisors", "Legal"],
    ],
    joiner: " ",
};
