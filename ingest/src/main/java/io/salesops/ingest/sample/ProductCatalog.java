package io.salesops.ingest.sample;

import io.salesops.warehouse.model.Vocabulary;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The item master: about 75 raw materials with market-like list prices in CNY (tax excluded),
 * bulk ones sold per tonne and some also per kilogram in drums or bags. Which categories an
 * industry buys is {@link #CATEGORY_WEIGHTS}.
 */
final class ProductCatalog {

    record Product(int index, String id, String name, String nameEn, String shortName, int category, String unit,
                   BigDecimal listPrice, BigDecimal unitCost, BigDecimal packSize) {
    }

    /** Per industry (Vocabulary order), weights of solvents, resins, pigments, additives, surfactants, plasticizers. */
    static final double[][] CATEGORY_WEIGHTS = {
            {3, 4, 3, 3, 0.3, 0.5},     // coatings
            {0.5, 1, 2, 3, 0.2, 4},     // plastics
            {1, 0.5, 2, 1.5, 4, 0.3},   // textiles
            {5, 0.2, 0.2, 1, 1, 0.3},   // pharmaceuticals
            {4, 3, 0.5, 1.5, 0.5, 0.3}, // electronics
            {1, 3, 1.5, 3, 0.5, 2},     // construction
            {4, 0.3, 0.2, 1, 4, 0.3},   // agrochemicals
            {0.5, 0.2, 0.1, 4, 3, 0.1}, // water treatment
    };

    private static final String[] CATEGORY_CODES = {"SOL", "RES", "PIG", "ADD", "SUR", "PLA"};

    /** name | English | category index | unit | list price per unit | L(iquid) or P(owder). */
    private static final String BASE = """
            乙酸乙酯|Ethyl acetate|0|t|5600|L
            乙酸丁酯|Butyl acetate|0|t|7200|L
            二甲苯|Xylene|0|t|6800|L
            甲苯|Toluene|0|t|6300|L
            丙酮|Acetone|0|t|5500|L
            丁酮|Methyl ethyl ketone (MEK)|0|t|7600|L
            异丙醇|Isopropanol (IPA)|0|t|7400|L
            正丁醇|n-Butanol|0|t|7900|L
            丙二醇甲醚|Propylene glycol methyl ether (PM)|0|t|9800|L
            丙二醇甲醚醋酸酯|PGMEA (PMA)|0|t|10500|L
            环己酮|Cyclohexanone|0|t|8900|L
            二氯甲烷|Dichloromethane|0|t|2700|L
            N-甲基吡咯烷酮|N-Methyl-2-pyrrolidone (NMP)|0|t|13500|L
            无水乙醇|Anhydrous ethanol|0|t|6200|L
            电子级异丙醇|Electronic grade IPA|0|kg|18.50|L
            醇酸树脂|Alkyd resin|1|t|12500|L
            热塑性丙烯酸树脂|Thermoplastic acrylic resin|1|t|16800|L
            羟基丙烯酸树脂|Hydroxyl acrylic resin|1|t|17500|L
            环氧树脂E-51|Epoxy resin E-51|1|t|16500|L
            环氧树脂E-44|Epoxy resin E-44|1|t|15800|L
            水性丙烯酸乳液|Waterborne acrylic emulsion|1|t|9800|L
            HDI三聚体固化剂|HDI trimer hardener|1|kg|58|L
            饱和聚酯树脂|Saturated polyester resin|1|t|14200|P
            氨基树脂|Amino resin|1|t|13600|L
            不饱和聚酯树脂|Unsaturated polyester resin|1|t|9200|L
            C5石油树脂|C5 hydrocarbon resin|1|t|10800|P
            松香甘油酯|Glycerol ester of rosin|1|t|12800|P
            苯丙乳液|Styrene-acrylic emulsion|1|t|8600|L
            金红石型钛白粉|Rutile titanium dioxide|2|t|15800|P
            锐钛型钛白粉|Anatase titanium dioxide|2|t|13200|P
            炭黑N330|Carbon black N330|2|t|8800|P
            色素炭黑|Pigment carbon black|2|kg|45|P
            氧化铁红|Iron oxide red|2|t|6200|P
            氧化铁黄|Iron oxide yellow|2|t|7100|P
            酞菁蓝BGS|Phthalocyanine blue BGS|2|kg|68|P
            酞菁绿G|Phthalocyanine green G|2|kg|98|P
            永固黄HR|Permanent yellow HR|2|kg|115|P
            群青|Ultramarine blue|2|kg|16.50|P
            大红粉|Lithol scarlet|2|kg|38|P
            珠光颜料|Pearlescent pigment|2|kg|125|P
            有机硅消泡剂|Silicone defoamer|3|kg|32|L
            流平剂|Leveling agent|3|kg|48|L
            分散剂|Dispersant|3|kg|42|L
            基材润湿剂|Substrate wetting agent|3|kg|55|L
            聚氨酯增稠剂|Polyurethane thickener|3|kg|36|L
            气相二氧化硅|Fumed silica|3|kg|39|P
            紫外线吸收剂UV-531|UV absorber UV-531|3|kg|95|P
            抗氧剂1010|Antioxidant 1010|3|kg|36|P
            抗氧剂168|Antioxidant 168|3|kg|22|P
            光稳定剂770|Light stabilizer 770|3|kg|58|P
            十溴二苯乙烷|Decabromodiphenyl ethane|3|kg|29|P
            异辛酸钴催干剂|Cobalt octoate drier|3|kg|66|L
            硬脂酸钙|Calcium stearate|3|t|9800|P
            聚合氯化铝|Polyaluminium chloride (PAC)|3|t|1850|P
            聚丙烯酰胺|Polyacrylamide (PAM)|3|t|11500|P
            脂肪醇聚氧乙烯醚AEO-9|Fatty alcohol ethoxylate AEO-9|4|t|9600|L
            十二烷基苯磺酸|Dodecylbenzene sulfonic acid (LAS)|4|t|8700|L
            十二烷基硫酸钠K12|Sodium lauryl sulfate K12|4|t|10200|P
            烷基糖苷APG|Alkyl polyglucoside (APG)|4|t|14800|L
            椰油酰胺丙基甜菜碱|Cocamidopropyl betaine (CAB-35)|4|t|9300|L
            吐温-80|Polysorbate 80|4|kg|26|L
            司盘-80|Sorbitan oleate (Span 80)|4|kg|21|L
            异构十三醇聚氧乙烯醚|Isotridecanol ethoxylate|4|t|13900|L
            脂肪酸甲酯磺酸钠|Sodium methyl ester sulfonate (MES)|4|t|8200|P
            农药乳化剂|Pesticide emulsifier|4|t|11800|L
            邻苯二甲酸二辛酯DOP|Dioctyl phthalate (DOP)|5|t|9900|L
            邻苯二甲酸二异壬酯DINP|Diisononyl phthalate (DINP)|5|t|10400|L
            对苯二甲酸二辛酯DOTP|Dioctyl terephthalate (DOTP)|5|t|9700|L
            邻苯二甲酸二丁酯DBP|Dibutyl phthalate (DBP)|5|t|10100|L
            环氧大豆油|Epoxidized soybean oil (ESO)|5|t|9200|L
            柠檬酸三丁酯TBC|Tributyl citrate (TBC)|5|t|19500|L
            乙酰柠檬酸三丁酯ATBC|Acetyl tributyl citrate (ATBC)|5|t|21800|L
            氯化石蜡-52|Chlorinated paraffin 52|5|t|6300|L
            偏苯三酸三辛酯TOTM|Trioctyl trimellitate (TOTM)|5|t|16800|L
            己二酸二辛酯DOA|Dioctyl adipate (DOA)|5|t|13200|L
            """;

    private final List<Product> products;
    private final List<List<Product>> byCategory = new ArrayList<>();

    private ProductCatalog(List<Product> products) {
        this.products = List.copyOf(products);
        for (int c = 0; c < CATEGORY_CODES.length; c++) {
            int category = c;
            byCategory.add(products.stream().filter(p -> p.category() == category).toList());
        }
    }

    /** Costs and which bulk materials also come packed are drawn; names and list prices are fixed. */
    static ProductCatalog build(SplittableRandom random) {
        List<Product> products = new ArrayList<>();
        int[] sequence = new int[CATEGORY_CODES.length];
        for (String line : BASE.strip().split("\n")) {
            String[] f = line.split("\\|");
            int category = Integer.parseInt(f[2]);
            boolean powder = f[5].equals("P");
            BigDecimal price = new BigDecimal(f[4]);
            String unit = f[3];
            BigDecimal pack = unit.equals("t") ? new BigDecimal("0.5") : BigDecimal.valueOf(powder || category == 3 ? 25 : 200);
            products.add(product(products.size(), ++sequence[category], f[0], f[1], f[0], category, unit, price, pack,
                    random));
            if (unit.equals("t") && Draw.chance(random, 0.45)) {
                int kilos = powder ? 25 : 200;
                String packName = powder ? "（" + kilos + "kg/袋）" : "（" + kilos + "kg/桶）";
                String packEnglish = powder ? " (" + kilos + " kg bag)" : " (" + kilos + " kg drum)";
                BigDecimal perKilo = Amounts.price(price.doubleValue() / 1000 * 1.06); // small-pack premium
                products.add(product(products.size(), ++sequence[category], f[0] + packName, f[1] + packEnglish, f[0],
                        category, "kg", perKilo, BigDecimal.valueOf(kilos), random));
            }
        }
        return new ProductCatalog(products);
    }

    List<Product> products() {
        return products;
    }

    Product get(int index) {
        return products.get(index);
    }

    /** A product an industry typically buys. */
    Product typicalFor(SplittableRandom random, int industry) {
        int category = Draw.weighted(random, CATEGORY_WEIGHTS[industry]);
        return Draw.pick(random, byCategory.get(category));
    }

    static String category(int category) {
        return Vocabulary.PRODUCT_CATEGORIES.get(category);
    }

    private static Product product(int index, int sequence, String name, String nameEn, String shortName, int category,
                                   String unit, BigDecimal listPrice, BigDecimal pack, SplittableRandom random) {
        String id = Ids.code(CATEGORY_CODES[category] + "-", sequence, 3);
        BigDecimal cost = Amounts.price(listPrice.doubleValue() * Draw.uniform(random, 0.70, 0.88));
        return new Product(index, id, name, nameEn, shortName, category, unit, Amounts.money(listPrice), cost,
                Amounts.quantity(pack));
    }
}
