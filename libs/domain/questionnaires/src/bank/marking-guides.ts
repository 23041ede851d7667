/**
 * Marking guides of the built-in bank's judgement questions: what earns 0, 2 and 4 on the panel's
 * published 0–4 scale (1 and 3 sit between two described levels). Written from the question's legal
 * and Toolkit anchors (AI Act articles, INTERPOL–UNICRI principles) so that two panel members read
 * the same bar and a provider knows before bidding what a full answer contains. Published with the
 * method (portal, question help), shown beside the score input and printed in the dossier.
 *
 * Data only: every guide carries every language the portal and the bank speak (en as `default`, fr,
 * es, ar); a test holds every judgement question of every built-in questionnaire to that.
 */

/** A guide's text in every supported language; `default` is English. */
export interface GuideText {
  default: string;
  fr: string;
  es: string;
  ar: string;
}

export const MARKING_GUIDE_LANGUAGES = ['default', 'fr', 'es', 'ar'] as const;

/** The described levels of the 0–4 scale. */
export const MARKED_LEVELS = [0, 2, 4] as const;
export type MarkedLevel = (typeof MARKED_LEVELS)[number];

export type MarkingGuide = Record<MarkedLevel, GuideText>;

export const MARKING_GUIDES: Record<string, MarkingGuide> = {
  law_misuse: {
    0: {
      default:
        'No foreseeable misuse named, or only generic statements (“the system must be used lawfully”) with no product control.',
      fr: 'Aucun mésusage prévisible nommé, ou seulement des déclarations générales (« le système doit être utilisé légalement ») sans contrôle dans le produit.',
      es: 'No se nombra ningún uso indebido previsible, o solo afirmaciones genéricas («el sistema debe usarse legalmente») sin control en el producto.',
      ar: 'لم يُذكر أي إساءة استخدام متوقعة، أو وردت عبارات عامة فقط («يجب استخدام النظام بصورة قانونية») دون أي ضابط في المنتج.',
    },
    2: {
      default:
        'Names some misuse specific to this system (e.g. function creep or searches without a case reference) but the controls are policy or training only, not enforced by the product.',
      fr: 'Nomme certains mésusages propres au système (par exemple le détournement de finalité ou des recherches sans référence de dossier), mais les parades sont seulement des règles ou des formations, non appliquées par le produit.',
      es: 'Nombra algunos usos indebidos propios del sistema (por ejemplo, la desviación de finalidad o búsquedas sin referencia de caso), pero los controles son solo normas o formación, no impuestos por el producto.',
      ar: 'يذكر بعض أشكال إساءة الاستخدام الخاصة بالنظام (مثل توسيع الغرض أو البحث دون رقم قضية)، لكن الضوابط مجرد سياسات أو تدريب لا يفرضها المنتج.',
    },
    4: {
      default:
        'Covers function creep, unlawfully obtained input and searches without a case reference (AI Act Art. 9(2)(b)), each with a control the product enforces (mandatory case reference, purpose limits, logged and reviewable use).',
      fr: 'Couvre le détournement de finalité, les données d’entrée obtenues illégalement et les recherches sans référence de dossier (art. 9, par. 2, point b, du règlement sur l’IA), chacun avec un contrôle appliqué par le produit (référence de dossier obligatoire, limitation de finalité, utilisation journalisée et contrôlable).',
      es: 'Cubre la desviación de finalidad, los datos de entrada obtenidos ilegalmente y las búsquedas sin referencia de caso (art. 9, apdo. 2, letra b, del Reglamento de IA), cada uno con un control impuesto por el producto (referencia de caso obligatoria, límites de finalidad, uso registrado y revisable).',
      ar: 'يغطي توسيع الغرض والمدخلات التي جرى الحصول عليها بصورة غير قانونية والبحث دون رقم قضية (المادة 9(2)(ب) من قانون الذكاء الاصطناعي)، ولكل منها ضابط يفرضه المنتج (رقم قضية إلزامي، وحدود للغرض، واستخدام مسجَّل قابل للمراجعة).',
    },
  },
  law_conformity_date: {
    0: {
      default: 'No date, a date after the planned start of use, or a date not committed to in the contract.',
      fr: 'Aucune date, une date postérieure à la mise en service prévue, ou une date non engagée au contrat.',
      es: 'Sin fecha, una fecha posterior al inicio de uso previsto o una fecha no comprometida en el contrato.',
      ar: 'لا يوجد تاريخ، أو التاريخ لاحق للموعد المقرر لبدء الاستخدام، أو غير ملتزم به في العقد.',
    },
    2: {
      default:
        'A date before the planned start of use, but without the conformity route (internal control or notified body, AI Act Art. 43) or its remaining steps.',
      fr: 'Une date antérieure à la mise en service prévue, mais sans la procédure d’évaluation (contrôle interne ou organisme notifié, art. 43 du règlement sur l’IA) ni les étapes restantes.',
      es: 'Una fecha anterior al inicio de uso previsto, pero sin el procedimiento de evaluación (control interno u organismo notificado, art. 43 del Reglamento de IA) ni los pasos pendientes.',
      ar: 'تاريخ يسبق بدء الاستخدام المقرر، لكن دون بيان مسار تقييم المطابقة (الرقابة الداخلية أو الجهة المُخطَرة، المادة 43 من قانون الذكاء الاصطناعي) أو الخطوات المتبقية.',
    },
    4: {
      default:
        'A contractual date before the planned start of use, with the conformity route under Art. 43 and the steps still open, so the agency never uses a system without completed conformity.',
      fr: 'Une date contractuelle antérieure à la mise en service prévue, avec la procédure prévue à l’article 43 et les étapes encore ouvertes, de sorte que l’agence n’utilise jamais un système dont la conformité n’est pas établie.',
      es: 'Una fecha contractual anterior al inicio de uso previsto, con el procedimiento del art. 43 y los pasos aún abiertos, de modo que la agencia nunca use un sistema sin la conformidad completada.',
      ar: 'تاريخ تعاقدي يسبق بدء الاستخدام المقرر، مع بيان مسار المطابقة وفق المادة 43 والخطوات المفتوحة، بحيث لا تستخدم الجهة نظامًا لم تكتمل مطابقته.',
    },
  },
  harm_risk_register: {
    0: {
      default:
        'The file is not a risk register or summary for this system (marketing material, a generic policy), or it names no risk to fundamental rights.',
      fr: 'Le fichier n’est pas un registre ou un résumé des risques de ce système (documentation commerciale, politique générale), ou il ne nomme aucun risque pour les droits fondamentaux.',
      es: 'El archivo no es un registro ni un resumen de riesgos de este sistema (material comercial, una política genérica), o no nombra ningún riesgo para los derechos fundamentales.',
      ar: 'الملف ليس سجل مخاطر أو ملخصًا لمخاطر هذا النظام (مواد تسويقية أو سياسة عامة)، أو لا يذكر أي خطر على الحقوق الأساسية.',
    },
    2: {
      default:
        'Lists risks to health, safety or fundamental rights for this system, but without estimates, owners, measures or the residual risk accepted (AI Act Art. 9(2)–(5)).',
      fr: 'Énumère des risques pour la santé, la sécurité ou les droits fondamentaux propres au système, mais sans estimation, responsable, mesures ni risque résiduel accepté (art. 9, par. 2 à 5, du règlement sur l’IA).',
      es: 'Enumera riesgos para la salud, la seguridad o los derechos fundamentales de este sistema, pero sin estimaciones, responsables, medidas ni riesgo residual aceptado (art. 9, apdos. 2 a 5, del Reglamento de IA).',
      ar: 'يسرد مخاطر على الصحة أو السلامة أو الحقوق الأساسية خاصة بالنظام، لكن دون تقديرات أو مسؤولين أو تدابير أو بيان للمخاطر المتبقية المقبولة (المادة 9(2)-(5) من قانون الذكاء الاصطناعي).',
    },
    4: {
      default:
        'A current register covering risks to health, safety and fundamental rights, foreseeable misuse and effects on minors and vulnerable groups, each estimated, with measures, an owner, testing against defined metrics and the residual risk accepted (Art. 9).',
      fr: 'Un registre à jour couvrant les risques pour la santé, la sécurité et les droits fondamentaux, le mésusage prévisible et les effets sur les mineurs et les groupes vulnérables, chacun estimé, avec mesures, responsable, essais selon des métriques définies et risque résiduel accepté (art. 9).',
      es: 'Un registro actualizado que cubre los riesgos para la salud, la seguridad y los derechos fundamentales, el uso indebido previsible y los efectos sobre menores y grupos vulnerables, cada uno estimado, con medidas, responsable, pruebas según métricas definidas y riesgo residual aceptado (art. 9).',
      ar: 'سجل محدَّث يغطي المخاطر على الصحة والسلامة والحقوق الأساسية وإساءة الاستخدام المتوقعة والآثار على القاصرين والفئات الضعيفة، مع تقدير كل خطر وتدابيره ومسؤوله واختباره وفق مقاييس محددة والمخاطر المتبقية المقبولة (المادة 9).',
    },
  },
  acc_test_report: {
    0: {
      default: 'No test protocol or test-set description, or only headline accuracy claims without method.',
      fr: 'Ni protocole d’essai ni description du jeu de test, ou seulement des affirmations générales d’exactitude sans méthode.',
      es: 'Sin protocolo de prueba ni descripción del conjunto de prueba, o solo cifras de exactitud sin método.',
      ar: 'لا يوجد بروتوكول اختبار ولا وصف لمجموعة الاختبار، أو مجرد ادعاءات عامة بالدقة دون منهجية.',
    },
    2: {
      default:
        'Describes the protocol and the test set and reports metrics, but not at a stated operating threshold, or without false-positive and false-negative rates.',
      fr: 'Décrit le protocole et le jeu de test et rapporte des métriques, mais pas à un seuil de fonctionnement déclaré, ou sans taux de faux positifs et de faux négatifs.',
      es: 'Describe el protocolo y el conjunto de prueba e informa métricas, pero no a un umbral de funcionamiento declarado, o sin tasas de falsos positivos y falsos negativos.',
      ar: 'يصف البروتوكول ومجموعة الاختبار ويعرض مقاييس، لكن ليس عند عتبة تشغيل معلنة، أو دون معدلات الإيجابيات والسلبيات الكاذبة.',
    },
    4: {
      default:
        'Named test set with its base rate and its fit to the agency’s conditions, pre-defined metrics at a stated threshold, confusion matrix or FP/FN rates, and results under real-world conditions (AI Act Art. 9(6)–(8), Art. 15).',
      fr: 'Jeu de test nommé avec son taux de base et son adéquation aux conditions de l’agence, métriques définies à l’avance à un seuil déclaré, matrice de confusion ou taux de faux positifs/négatifs, et résultats en conditions réelles (art. 9, par. 6 à 8, et art. 15 du règlement sur l’IA).',
      es: 'Conjunto de prueba identificado con su tasa base y su adecuación a las condiciones de la agencia, métricas predefinidas a un umbral declarado, matriz de confusión o tasas de FP/FN, y resultados en condiciones reales (art. 9, apdos. 6 a 8, y art. 15 del Reglamento de IA).',
      ar: 'مجموعة اختبار مسمّاة مع معدلها الأساسي وملاءمتها لظروف الجهة، ومقاييس محددة مسبقًا عند عتبة معلنة، ومصفوفة الالتباس أو معدلات الإيجابيات والسلبيات الكاذبة، ونتائج في ظروف واقعية (المادة 9(6)-(8) والمادة 15 من قانون الذكاء الاصطناعي).',
    },
  },
  eff_resources: {
    0: {
      default: 'No concrete figures: hardware, agency staffing, update cadence or end of life are missing.',
      fr: 'Aucun élément concret : matériel, personnel de l’agence, rythme des mises à jour ou fin de vie manquent.',
      es: 'Sin datos concretos: faltan el hardware, el personal de la agencia, la cadencia de actualizaciones o el fin de vida.',
      ar: 'لا أرقام ملموسة: تغيب متطلبات الأجهزة أو موظفي الجهة أو وتيرة التحديثات أو نهاية العمر.',
    },
    2: {
      default:
        'States hardware and update cadence but leaves out the agency-side staffing or the expected lifetime and end of support.',
      fr: 'Indique le matériel et le rythme des mises à jour, mais omet le personnel nécessaire côté agence ou la durée de vie et la fin du support.',
      es: 'Indica el hardware y la cadencia de actualizaciones, pero omite el personal necesario en la agencia o la vida útil y el fin del soporte.',
      ar: 'يذكر الأجهزة ووتيرة التحديثات، لكنه يُغفل الموظفين اللازمين لدى الجهة أو العمر المتوقع ونهاية الدعم.',
    },
    4: {
      default:
        'Quantifies computing resources, agency-side staffing and skills, maintenance and update cadence, expected lifetime and end of life, as the instructions for use must (AI Act Art. 13(3)(e)).',
      fr: 'Chiffre les ressources informatiques, le personnel et les compétences côté agence, la maintenance et le rythme des mises à jour, la durée de vie et la fin de vie, comme doivent le faire les instructions d’utilisation (art. 13, par. 3, point e, du règlement sur l’IA).',
      es: 'Cuantifica los recursos informáticos, el personal y las competencias en la agencia, el mantenimiento y la cadencia de actualizaciones, la vida útil y el fin de vida, como deben hacerlo las instrucciones de uso (art. 13, apdo. 3, letra e, del Reglamento de IA).',
      ar: 'يحدد كميًا موارد الحوسبة وموظفي الجهة ومهاراتهم والصيانة ووتيرة التحديث والعمر المتوقع ونهاية العمر، كما يجب أن تفعل تعليمات الاستخدام (المادة 13(3)(هـ) من قانون الذكاء الاصطناعي).',
    },
  },
  priv_special_categories: {
    0: {
      default:
        'Answers “none” although the system evidently processes biometric or other special-category data, or names categories with no safeguards.',
      fr: 'Répond « aucune » alors que le système traite manifestement des données biométriques ou d’autres catégories particulières, ou nomme des catégories sans garanties.',
      es: 'Responde «ninguna» aunque el sistema trata evidentemente datos biométricos u otras categorías especiales, o nombra categorías sin garantías.',
      ar: 'يجيب «لا شيء» مع أن النظام يعالج بوضوح بيانات بيومترية أو فئات خاصة أخرى، أو يذكر فئات دون ضمانات.',
    },
    2: {
      default:
        'Names the special categories processed with general safeguards (encryption, access control) but not minimisation, retention limits or separation of the data.',
      fr: 'Nomme les catégories particulières traitées avec des garanties générales (chiffrement, contrôle d’accès), mais sans minimisation, durées de conservation ni séparation des données.',
      es: 'Nombra las categorías especiales tratadas con garantías generales (cifrado, control de acceso), pero sin minimización, plazos de conservación ni separación de los datos.',
      ar: 'يذكر الفئات الخاصة المعالَجة مع ضمانات عامة (التشفير، التحكم في الوصول)، دون تقليل البيانات أو حدود الاحتفاظ أو فصل البيانات.',
    },
    4: {
      default:
        'Names every special category, why each is strictly necessary, and specific safeguards: minimisation by configuration, retention and deletion, access logging, no reuse for training, and input the agency can use for its DPIA (LED Art. 10 and 27).',
      fr: 'Nomme chaque catégorie particulière, la raison de sa stricte nécessité et des garanties précises : minimisation par configuration, conservation et effacement, journalisation des accès, pas de réutilisation pour l’entraînement, et des éléments que l’agence peut reprendre dans son AIPD (directive 2016/680, art. 10 et 27).',
      es: 'Nombra cada categoría especial, por qué es estrictamente necesaria y garantías específicas: minimización por configuración, conservación y supresión, registro de accesos, sin reutilización para entrenamiento, y datos que la agencia puede usar en su EIPD (Directiva 2016/680, arts. 10 y 27).',
      ar: 'يذكر كل فئة خاصة وسبب ضرورتها القصوى وضمانات محددة: التقليل عبر الإعدادات، والاحتفاظ والحذف، وتسجيل الوصول، وعدم إعادة الاستخدام في التدريب، ومعلومات تستطيع الجهة استخدامها في تقييم أثر حماية البيانات (التوجيه 2016/680، المادتان 10 و27).',
    },
  },
  tx_system_card: {
    0: {
      default: 'The file is not a model or system card for this system, or states no limitations.',
      fr: 'Le fichier n’est pas une fiche de modèle ou de système pour ce système, ou n’indique aucune limite.',
      es: 'El archivo no es una ficha del modelo o del sistema para este sistema, o no indica ninguna limitación.',
      ar: 'الملف ليس بطاقة نموذج أو نظام لهذا النظام، أو لا يذكر أي قيود.',
    },
    2: {
      default:
        'Gives purpose, data and metrics, but leaves out the version, known limitations or the circumstances that put accuracy at risk.',
      fr: 'Donne la finalité, les données et les métriques, mais omet la version, les limites connues ou les circonstances qui menacent l’exactitude.',
      es: 'Indica la finalidad, los datos y las métricas, pero omite la versión, las limitaciones conocidas o las circunstancias que ponen en riesgo la exactitud.',
      ar: 'يذكر الغرض والبيانات والمقاييس، لكنه يُغفل الإصدار أو القيود المعروفة أو الظروف التي تهدد الدقة.',
    },
    4: {
      default:
        'Covers purpose, training data, metrics with their levels, known limitations, circumstances of risk, performance per group and the version it describes, consistent with the instructions for use (AI Act Art. 13(3)(b)).',
      fr: 'Couvre la finalité, les données d’entraînement, les métriques et leurs niveaux, les limites connues, les circonstances de risque, les performances par groupe et la version décrite, en cohérence avec les instructions d’utilisation (art. 13, par. 3, point b, du règlement sur l’IA).',
      es: 'Cubre la finalidad, los datos de entrenamiento, las métricas y sus niveles, las limitaciones conocidas, las circunstancias de riesgo, el rendimiento por grupo y la versión descrita, de forma coherente con las instrucciones de uso (art. 13, apdo. 3, letra b, del Reglamento de IA).',
      ar: 'يغطي الغرض وبيانات التدريب والمقاييس ومستوياتها والقيود المعروفة وظروف الخطر والأداء لكل فئة والإصدار الموصوف، بما يتسق مع تعليمات الاستخدام (المادة 13(3)(ب) من قانون الذكاء الاصطناعي).',
    },
  },
  fair_bias_report: {
    0: {
      default: 'No groups, metrics or data set are named; or the report is about another system.',
      fr: 'Aucun groupe, métrique ni jeu de données n’est nommé, ou le rapport porte sur un autre système.',
      es: 'No se nombran grupos, métricas ni conjunto de datos, o el informe trata de otro sistema.',
      ar: 'لا تُذكر فئات ولا مقاييس ولا مجموعة بيانات، أو يتعلق التقرير بنظام آخر.',
    },
    2: {
      default:
        'Reports results per group with the data set used, but only some relevant groups, or without error rates per group at the operating threshold.',
      fr: 'Présente des résultats par groupe avec le jeu de données utilisé, mais seulement pour certains groupes pertinents, ou sans taux d’erreur par groupe au seuil de fonctionnement.',
      es: 'Presenta resultados por grupo con el conjunto de datos utilizado, pero solo para algunos grupos pertinentes, o sin tasas de error por grupo en el umbral de funcionamiento.',
      ar: 'يعرض نتائج لكل فئة مع مجموعة البيانات المستخدمة، لكن لبعض الفئات المعنية فقط، أو دون معدلات الخطأ لكل فئة عند عتبة التشغيل.',
    },
    4: {
      default:
        'Disaggregated false-positive and false-negative rates for every relevant group at the operating threshold, on a named data set, with the bias-detection method and mitigation (AI Act Art. 10(2)(f)–(g), 13(3)(b)(v)).',
      fr: 'Taux de faux positifs et de faux négatifs ventilés pour chaque groupe pertinent au seuil de fonctionnement, sur un jeu de données nommé, avec la méthode de détection des biais et leur atténuation (art. 10, par. 2, points f et g, et art. 13, par. 3, point b v, du règlement sur l’IA).',
      es: 'Tasas de falsos positivos y falsos negativos desglosadas para cada grupo pertinente en el umbral de funcionamiento, sobre un conjunto de datos identificado, con el método de detección de sesgos y su mitigación (art. 10, apdo. 2, letras f y g, y art. 13, apdo. 3, letra b, inciso v, del Reglamento de IA).',
      ar: 'معدلات إيجابيات وسلبيات كاذبة مفصّلة لكل فئة معنية عند عتبة التشغيل، على مجموعة بيانات مسمّاة، مع منهجية كشف التحيز وتخفيفه (المادة 10(2)(و)-(ز) والمادة 13(3)(ب)(5) من قانون الذكاء الاصطناعي).',
    },
  },
  fair_mitigation: {
    0: {
      default: 'Denies any difference without evidence, or names differences and no action.',
      fr: 'Nie toute différence sans preuve, ou nomme des différences sans aucune mesure.',
      es: 'Niega cualquier diferencia sin pruebas, o nombra diferencias sin ninguna medida.',
      ar: 'ينكر وجود أي فروق دون دليل، أو يذكر فروقًا دون أي إجراء.',
    },
    2: {
      default:
        'Describes mitigation in data, model or threshold, but does not measure its effect or state the residual gap between groups.',
      fr: 'Décrit des mesures d’atténuation (données, modèle ou seuil), sans mesurer leur effet ni indiquer l’écart résiduel entre groupes.',
      es: 'Describe medidas de mitigación (datos, modelo o umbral), pero no mide su efecto ni indica la brecha residual entre grupos.',
      ar: 'يصف إجراءات التخفيف في البيانات أو النموذج أو العتبة، دون قياس أثرها أو بيان الفجوة المتبقية بين الفئات.',
    },
    4: {
      default:
        'For each difference found: the mitigation taken, its measured effect, the residual gap between groups and how the agency is told about it and monitors it in use (Art. 10(2)(g)).',
      fr: 'Pour chaque différence constatée : la mesure prise, son effet mesuré, l’écart résiduel entre groupes et la manière dont l’agence en est informée et le surveille en exploitation (art. 10, par. 2, point g).',
      es: 'Para cada diferencia detectada: la medida adoptada, su efecto medido, la brecha residual entre grupos y cómo se informa a la agencia y cómo esta la supervisa durante el uso (art. 10, apdo. 2, letra g).',
      ar: 'لكل فرق مكتشف: الإجراء المتخذ وأثره المقاس والفجوة المتبقية بين الفئات وكيف تُبلَّغ الجهة بها وتراقبها أثناء الاستخدام (المادة 10(2)(ز)).',
    },
  },
  gov_certificates: {
    0: {
      default: 'No certificate or audit report, or only expired ones, or ones whose scope does not cover this system.',
      fr: 'Aucun certificat ni rapport d’audit, ou seulement des documents expirés ou dont le périmètre ne couvre pas ce système.',
      es: 'Ningún certificado ni informe de auditoría, o solo documentos caducados o cuyo alcance no cubre este sistema.',
      ar: 'لا توجد شهادة أو تقرير تدقيق، أو توجد شهادات منتهية الصلاحية أو لا يشمل نطاقها هذا النظام.',
    },
    2: {
      default:
        'Valid certificates (e.g. ISO/IEC 27001) for the organisation, but none covering the AI system or its quality management.',
      fr: 'Certificats valides (par exemple ISO/IEC 27001) pour l’organisation, mais aucun ne couvrant le système d’IA ou son management de la qualité.',
      es: 'Certificados válidos (por ejemplo, ISO/IEC 27001) de la organización, pero ninguno que cubra el sistema de IA o su gestión de la calidad.',
      ar: 'شهادات سارية (مثل ISO/IEC 27001) للمؤسسة، لكن لا يشمل أيٌّ منها نظام الذكاء الاصطناعي أو إدارة جودته.',
    },
    4: {
      default:
        'Valid certificates or independent audit reports whose scope covers this AI system and its quality management (e.g. ISO/IEC 42001, AI Act Art. 17), with issuer, scope and validity dates.',
      fr: 'Certificats valides ou rapports d’audit indépendants dont le périmètre couvre ce système d’IA et son management de la qualité (par exemple ISO/IEC 42001, art. 17 du règlement sur l’IA), avec émetteur, périmètre et dates de validité.',
      es: 'Certificados válidos o informes de auditoría independientes cuyo alcance cubre este sistema de IA y su gestión de la calidad (por ejemplo, ISO/IEC 42001, art. 17 del Reglamento de IA), con emisor, alcance y fechas de validez.',
      ar: 'شهادات سارية أو تقارير تدقيق مستقلة يشمل نطاقها نظام الذكاء الاصطناعي هذا وإدارة جودته (مثل ISO/IEC 42001 والمادة 17 من قانون الذكاء الاصطناعي)، مع الجهة المُصدِرة والنطاق وتواريخ الصلاحية.',
    },
  },
};

export interface MarkingGuideLevel {
  score: MarkedLevel;
  text: string;
}

/** A question's marking guide in one language (English when the language is unknown), or null without one. */
export function markingGuideFor(questionName: string, language = 'default'): MarkingGuideLevel[] | null {
  const guide = MARKING_GUIDES[questionName];
  if (!guide) return null;
  const base = language.split('-')[0];
  const key = (MARKING_GUIDE_LANGUAGES as readonly string[]).includes(base) ? base : 'default';
  return MARKED_LEVELS.map((score) => ({ score, text: guide[score][key as keyof GuideText] }));
}
