package io.salesops.ingest.sample;

import io.salesops.warehouse.model.Vocabulary;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Chinese company names the way they are registered: place + brand + trade + legal form
 * (苏州宏达涂料有限公司, "Suzhou Hongda Coatings Co., Ltd."). Brands are two syllables from a
 * list of auspicious characters, so names repeat rarely but look familiar.
 */
final class CompanyNames {

    record CompanyName(String chinese, String english, String shortName, String domain, String province,
                       String city) {
    }

    private static final String[][] BRAND = PersonNames.pairs("华:hua 润:run 金:jin 达:da 嘉:jia 宝:bao 恒:heng "
            + "信:xin 永:yong 盛:sheng 泰:tai 鑫:xin 丰:feng 德:de 美:mei 凯:kai 瑞:rui 龙:long 海:hai 天:tian "
            + "宏:hong 远:yuan 东:dong 方:fang 正:zheng 中:zhong 隆:long 昌:chang 通:tong 利:li 源:yuan 安:an "
            + "康:kang 佳:jia 辉:hui 明:ming 科:ke 联:lian 合:he 峰:feng 益:yi 万:wan 兴:xing 汇:hui 邦:bang "
            + "创:chuang 博:bo 鼎:ding 晶:jing 立:li");

    /** Trade words per industry, in {@link Vocabulary#INDUSTRIES} order: Chinese and English. */
    private static final String[][][] TRADES = {
            PersonNames.pairs("涂料:Coatings 油漆:Paint 化工:Chemical 新材料:New_Materials 树脂涂料:Resin_Coatings"),
            PersonNames.pairs("塑胶:Plastics 塑料制品:Plastic_Products 高分子材料:Polymer_Materials 橡塑:Rubber_&_Plastics"),
            PersonNames.pairs("纺织:Textile 印染:Dyeing_&_Printing 化纤:Chemical_Fiber 染整:Dyeing_&_Finishing"),
            PersonNames.pairs("制药:Pharmaceutical 药业:Pharmaceutical 生物医药:Biopharma 医药化工:Pharmaceutical_Chemicals"),
            PersonNames.pairs("电子:Electronics 电子材料:Electronic_Materials 光电:Optoelectronics 半导体材料:Semiconductor_Materials"),
            PersonNames.pairs("建材:Building_Materials 防水材料:Waterproofing 新型建材:New_Building_Materials 建筑材料:Construction_Materials"),
            PersonNames.pairs("农化:Agrochemical 农药:Pesticide 作物科技:Crop_Science 生物农药:Bio-Pesticide"),
            PersonNames.pairs("水处理:Water_Treatment 环保科技:Environmental_Technology 净水材料:Water_Purification 水务:Water")
    };

    private CompanyNames() {
    }

    static CompanyName draw(SplittableRandom random, int region, int industry) {
        Geography.Province province = Geography.province(random, region);
        Geography.City city = Draw.pick(random, province.cities());
        boolean byProvince = Draw.chance(random, 0.55);
        String place = byProvince ? province.name() : city.name();
        String placeEnglish = byProvince ? province.pinyin() : city.pinyin();
        String[] first = Draw.pick(random, BRAND);
        String[] second = Draw.pick(random, BRAND);
        while (second[0].equals(first[0])) {
            second = Draw.pick(random, BRAND);
        }
        String brand = first[0] + second[0];
        String brandPinyin = PersonNames.capitalise(first[1]) + second[1];
        String[] trade = Draw.pick(random, TRADES[industry]);
        String tradeEnglish = trade[1].replace('_', ' ');
        int form = random.nextInt(10);
        String legalForm = form < 6 ? "有限公司" : form < 8 ? "股份有限公司" : "科技有限公司";
        String legalEnglish = form < 6 ? "Co., Ltd." : form < 8 ? "Co., Ltd. (Joint Stock)" : "Technology Co., Ltd.";
        if (form >= 8 && trade[0].endsWith("科技")) {
            legalForm = "有限公司";
            legalEnglish = "Co., Ltd.";
        }
        String chinese = place + brand + trade[0] + legalForm;
        String english = placeEnglish + " " + brandPinyin + " " + tradeEnglish + " " + legalEnglish;
        String domain = brandPinyin.toLowerCase(Locale.ROOT) + (Draw.chance(random, 0.5) ? "chem" : "") + ".com";
        return new CompanyName(chinese, english, brand + trade[0], domain, province.fullName(), city.name());
    }
}
