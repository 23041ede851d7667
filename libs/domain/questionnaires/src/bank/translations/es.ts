import type { BankTranslation } from './bank-translation';

/**
 * Spanish texts of the built-in bank. Legal terms follow the Spanish version of Regulation (EU) 2024/1689
 * (proveedor, responsable del despliegue, sistema de IA de alto riesgo, supervisión humana, instrucciones de
 * uso, evaluación de impacto relativa a los derechos fundamentales); article references stay as in English.
 */
export const ES: BankTranslation = {
  questionnaires: {
    'Responsible-AI due diligence for law-enforcement AI systems': {
      title:
        'Diligencia debida en materia de IA responsable para sistemas de IA de las autoridades garantes del cumplimiento del Derecho',
      description:
        'Preguntas a los proveedores de sistemas de IA destinados a las autoridades garantes del cumplimiento del Derecho, organizadas según los principios del Conjunto de herramientas INTERPOL–UNICRI para la innovación responsable en IA en el ámbito policial y los requisitos del Reglamento de IA de la UE aplicables a los sistemas de alto riesgo.',
    },
    'Responsible-AI due diligence (light) for lower-risk AI systems': {
      title: 'Diligencia debida en materia de IA responsable (versión reducida) para sistemas de IA de menor riesgo',
      description:
        'Un cuestionario más breve para los sistemas de IA que no figuran en la lista de alto riesgo del Reglamento de IA, centrado en la documentación, la transparencia, la supervisión humana, la precisión y los derechos sobre los datos.',
    },
  },
  pages: {
    lawfulness: { title: 'Licitud: legitimidad, necesidad y proporcionalidad' },
    'prohibited-practices': {
      title: 'Prácticas de IA prohibidas (AI Act Art. 5)',
      description:
        'Todos los proveedores responden a esta declaración. Estas respuestas no se puntúan: una práctica prohibida excluye la oferta.',
    },
    harm: { title: 'Minimización del daño: bienestar, solidez y seguridad, precisión, eficiencia' },
    autonomy: {
      title: 'Autonomía humana: capacidad de decisión, supervisión humana, privacidad, transparencia y explicabilidad',
    },
    fairness: {
      title: 'Equidad: no discriminación, diversidad y accesibilidad, colectivos vulnerables, reparación',
    },
    governance: { title: 'Buena gobernanza: rendición de cuentas, trazabilidad y auditabilidad' },
    biometric: { title: 'Identificación biométrica remota' },
    'risk-assessment': { title: 'Evaluación de riesgos relativa a personas' },
  },
  units: { years: 'años', months: 'meses' },
  sharedChoices: {
    Partly: 'Parcialmente',
    Yes: 'Sí',
    None: 'Ninguno',
    'None of these': 'Ninguna de estas medidas',
    'Best efforts': 'En la medida de lo posible, sin compromiso',
    'Yes, committed in the contract': 'Sí, con compromiso contractual',
    // "No" is the same word in Spanish; the bank's test whitelists it.
    No: 'No',
  },
  questions: {
    law_prohibited_uses: {
      title: '¿Indican sus instrucciones de uso los usos a los que no debe destinarse el sistema?',
      description:
        'Por ejemplo, usos ajenos a la finalidad prevista, poblaciones con las que no se ha probado o decisiones que no debe tomar por sí solo.',
      choices: {
        fully: 'Sí, enumerados y motivados',
        partly: 'Se mencionan algunos límites',
      },
    },
    law_misuse: {
      title: '¿Qué uso indebido razonablemente previsible del sistema identifica, y cómo lo impide el producto?',
      description:
        'Piense en la desviación de finalidad, el uso sobre imágenes obtenidas ilegalmente o las búsquedas sin referencia de caso.',
    },
    law_ai_act_role: {
      title: '¿Cómo ha clasificado el sistema con arreglo al Reglamento de IA de la UE?',
      description:
        'Indique su conclusión y si está documentada. La excepción del Art. 6(3) no se ofrece cuando el ámbito definido por la autoridad incluye la elaboración de perfiles: un sistema que elabora perfiles de personas se considera siempre de alto riesgo.',
      choices: {
        'high-risk': 'Sistema de IA de alto riesgo (Annex III), y cumplimos los requisitos aplicables',
        derogation: 'No es de alto riesgo en virtud de la excepción del Art. 6(3), con una evaluación documentada',
        'not-assessed': 'No lo hemos evaluado',
      },
    },
    law_conformity: {
      title: '¿En qué fase se encuentra la evaluación de la conformidad del sistema?',
      description:
        'Los sistemas de IA de alto riesgo requieren una evaluación de la conformidad finalizada y una declaración UE de conformidad antes de su uso.',
      choices: {
        completed: 'Finalizada, declaración UE de conformidad emitida',
        'in-progress': 'En curso, con una fecha de finalización prevista',
        'not-started': 'No iniciada',
      },
    },
    law_conformity_date: {
      title: '¿Cuándo finalizará la evaluación de la conformidad?',
      description: 'La fecha a la que se compromete en el contrato.',
    },
    law_eu_database: {
      title: '¿Está el sistema registrado en la base de datos de la UE para sistemas de IA de alto riesgo?',
      description:
        'Para usos con fines de garantía del cumplimiento del Derecho, el registro figura en la sección segura no pública. La autoridad no puede utilizar un sistema de alto riesgo no registrado; a falta de registro, el contrato lo establece como condición previa al uso.',
    },
    law_function_switches: {
      title: '¿Puede la autoridad desactivar las funciones y categorías de datos que no necesita?',
      description:
        'Minimización de datos mediante configuración, por ejemplo desactivar la búsqueda facial manteniendo la detección de objetos.',
      choices: {
        fully: 'Sí, cada función y categoría de datos por separado',
        partly: 'Algunas funciones pueden desactivarse',
      },
    },
    law_proportionality_controls: {
      title: '¿Qué salvaguardias puede configurar la autoridad para que cada uso sea proporcionado?',
      description: 'Marque cada control que el producto impone, no solo los que figuran en documentos.',
      choices: {
        'case-reference': 'Cada uso debe citar una referencia de caso o de autorización',
        'time-limits': 'Límites temporales de las búsquedas y de la conservación de resultados',
        'scope-limits': 'Límites de la zona, las cámaras o las fuentes de datos consultadas',
        'watchlist-limits': 'Límites sobre quién puede incluirse en listas de vigilancia o conjuntos de referencia',
      },
    },
    art5_declaration: {
      title:
        '¿Declara que el sistema, tal como se ofrece y tal como puede configurarse, no realiza ninguna de las prácticas prohibidas por el Art. 5(1) del Reglamento de IA, y que informará de inmediato a la autoridad si un cambio lo hiciera entrar en el ámbito del Art. 5?',
      description:
        'Las preguntas siguientes se refieren a las prácticas más pertinentes para la garantía del cumplimiento del Derecho; esta declaración las abarca todas.',
    },
    art5_social_scoring: {
      title:
        '¿Evalúa o clasifica el sistema a personas durante un período determinado atendiendo a su comportamiento social o a sus características personales, con una puntuación que provoca un trato perjudicial en contextos no relacionados o desproporcionado respecto de dicho comportamiento?',
      description: 'La puntuación ciudadana es una práctica prohibida.',
    },
    rp_profiling_only: {
      title:
        '¿Predice el sistema que una persona cometerá un delito basándose únicamente en la elaboración de perfiles o en rasgos de personalidad?',
      description:
        'Tales predicciones están prohibidas, salvo que apoyen una valoración humana basada en hechos objetivos y verificables directamente relacionados con una actividad delictiva.',
    },
    fair_scraped_data: {
      title:
        '¿Crea o amplía el sistema una base de datos de reconocimiento facial mediante la extracción no selectiva de imágenes faciales de internet o de circuitos cerrados de televisión, o se basa en una base de datos creada de ese modo?',
      description:
        'Solo esta práctica está prohibida; sobre los demás datos de entrenamiento se pregunta en el apartado de procedencia de los datos.',
    },
    rbi_sensitive_categorisation: {
      title:
        '¿Clasifica el sistema individualmente a personas sobre la base de sus datos biométricos para deducir o inferir su raza, opiniones políticas, afiliación sindical, convicciones religiosas o filosóficas, vida sexual u orientación sexual?',
      description:
        'Práctica prohibida. No se incluye el etiquetado o filtrado de conjuntos de datos biométricos adquiridos lícitamente, como imágenes, incluida la categorización de datos biométricos en el ámbito de la garantía del cumplimiento del Derecho.',
    },
    rbi_emotion_categorisation: {
      title:
        '¿Incluye el producto reconocimiento de emociones, o clasifica a personas según atributos sensibles o protegidos inferidos de datos biométricos?',
      description:
        'En la garantía del cumplimiento del Derecho se trata de usos de alto riesgo (Annex III 1(b), 1(c), 6(b)), no de prácticas prohibidas: el Art. 5(1)(f) solo prohíbe el reconocimiento de emociones en el lugar de trabajo y en centros educativos. La política de la autoridad al respecto se publica como criterio excluyente con la etiqueta «política de la autoridad».',
    },
    harm_risk_management: {
      title: '¿Aplica un proceso documentado de gestión de riesgos durante todo el ciclo de vida del sistema?',
      description:
        'Determinar los riesgos para la salud, la seguridad y los derechos fundamentales, decidir medidas y probarlas frente a umbrales fijados de antemano.',
      choices: {
        fully: 'Sí, documentado y repetido en cada versión',
        partly: 'Parcialmente, o solo antes de la primera versión',
      },
    },
    harm_risk_register: {
      title: 'Cargue su registro de riesgos o un resumen de la gestión de riesgos de este sistema',
      description: 'Basta con un resumen si el registro completo es confidencial; indíquelo en el archivo.',
    },
    harm_security_testing: {
      title: '¿Cuándo se sometió el sistema a su última prueba de penetración, y quién la realizó?',
      description: 'Pruebas del producto desplegado, incluidas sus interfaces y su alojamiento.',
      choices: {
        'independent-12m': 'Prueba independiente en los últimos 12 meses, informe disponible',
        internal: 'Solo pruebas internas',
        none: 'Ninguna prueba de penetración',
      },
    },
    harm_ai_attacks: {
      title: '¿Frente a qué ataques específicos de la IA está protegido el sistema?',
      description: 'Marque aquellos con defensas probadas.',
      choices: {
        'data-poisoning': 'Envenenamiento de los datos de entrenamiento',
        'model-poisoning': 'Manipulación del modelo',
        'adversarial-inputs': 'Ejemplos adversarios (por ejemplo, patrones que engañan a la detección)',
        confidentiality: 'Ataques que extraen los datos de entrenamiento o el modelo',
      },
    },
    harm_fail_safe: {
      title: '¿Qué hace el sistema cuando la calidad de los datos de entrada es deficiente o tiene incertidumbre?',
      description: 'Por ejemplo, vídeo borroso, rostros parciales o datos distintos de sus datos de entrenamiento.',
      choices: {
        abstains: 'Se abstiene e indica el motivo al operador',
        flags: 'Ofrece un resultado marcado con baja confianza',
        always: 'Siempre ofrece un resultado',
      },
    },
    harm_incidents: {
      title: '¿Cómo comunicará a la autoridad los incidentes graves y los fallos de funcionamiento?',
      description:
        'Un incidente grave debe notificarse a la autoridad de vigilancia del mercado en un plazo de 15 días, antes en los casos más graves.',
      choices: {
        'contract-72h': 'A la autoridad en un plazo de 72 horas, con un procedimiento documentado',
        procedure: 'Procedimiento documentado, sin plazo comprometido',
        none: 'Ningún procedimiento',
      },
    },
    acc_metrics_declared: {
      title: '¿Declaran sus instrucciones de uso los parámetros de precisión y sus niveles esperados?',
      description:
        'Parámetros como las tasas de falsas coincidencias y de falsas no coincidencias en el umbral de funcionamiento por defecto.',
      choices: {
        fully: 'Sí, con niveles y condiciones de prueba',
        partly: 'Algunos parámetros, sin niveles ni condiciones',
      },
    },
    acc_threshold: {
      title: 'Umbral de funcionamiento con el que se midieron los recuentos siguientes',
      description:
        'El umbral por defecto con el que se entrega el sistema, p. ej. una puntuación de coincidencia de 0,82.',
    },
    acc_test_set: {
      title: 'Nombre y versión del conjunto de prueba',
      description:
        'El conjunto de prueba del que proceden los recuentos; descríbalo en el informe de evaluación de la precisión.',
    },
    acc_tp: {
      title: 'Verdaderos positivos (VP)',
      description: 'Casos señalados por el sistema que eran coincidencias o hechos reales.',
    },
    acc_fpr: {
      title: 'Falsos positivos (FP)',
      description:
        'Casos señalados por el sistema que no eran coincidencias ni hechos reales. Probity calcula la tasa de falsos positivos FP / (FP + VN) a partir de sus recuentos y la puntúa según los tramos publicados.',
    },
    acc_tn: {
      title: 'Verdaderos negativos (VN)',
      description: 'Casos que el sistema, correctamente, no señaló.',
    },
    acc_fnr: {
      title: 'Falsos negativos (FN)',
      description:
        'Coincidencias o hechos reales que el sistema no detectó. Probity calcula la tasa de falsos negativos FN / (FN + VP) y la puntúa según los tramos publicados.',
    },
    acc_test_conditions: {
      title: '¿En qué medida se aproximaron las pruebas de precisión al uso real?',
      description:
        'Las pruebas deben reflejar el entorno geográfico, conductual y funcional en el que la autoridad utilizará el sistema.',
      choices: {
        'independent-field': 'Prueba independiente en condiciones operativas',
        'representative-lab': 'Prueba propia con datos representativos del despliegue',
        'vendor-benchmark': 'Solo pruebas comparativas públicas o del fabricante',
        none: 'Ninguna prueba de precisión',
      },
    },
    acc_test_report: {
      title: 'Cargue el informe de evaluación de la precisión',
      description: 'Incluido el protocolo de prueba y una descripción del conjunto de prueba.',
    },
    acc_drift: {
      title: '¿Vigila el sistema su precisión en producción y emite alertas cuando se desvía?',
      description:
        'El rendimiento puede degradarse cuando cambian las cámaras, las poblaciones o los comportamientos, y un sistema que sigue aprendiendo puede reintroducir sus propios resultados sesgados como datos de entrada (bucles de retroalimentación).',
      choices: {
        fully: 'Sí, con alertas a la autoridad',
        partly: 'Vigilado por nosotros, sin comunicarlo',
      },
    },
    wb_affected_people: {
      title:
        '¿Ha evaluado los efectos del sistema sobre las personas a las que afecta: sospechosos, víctimas, terceros presentes y agentes?',
      description:
        'Incluidos el estrés, la estigmatización, los efectos disuasorios y los contactos policiales injustificados.',
      choices: {
        fully: 'Sí, documentados para cada colectivo',
        partly: 'Para algunos colectivos',
      },
    },
    wb_environment: {
      title: '¿Comunica el consumo energético y la huella ambiental del sistema?',
      description: 'Entrenamiento y funcionamiento.',
      choices: { measured: 'Sí, medidos', estimated: 'Estimados' },
    },
    eff_resources: {
      title:
        '¿Cuánto costará el sistema a la autoridad durante todo su ciclo de vida, en dinero, recursos informáticos y tiempo del personal?',
      description:
        'Licencias, equipos, energía, tiempo del personal de la autoridad para manejarlo y supervisarlo, frecuencia de actualización y fin de vida útil. La eficiencia es el beneficio obtenido por este coste.',
    },
    eff_support_years: {
      title: '¿Durante cuántos años garantiza el soporte y las actualizaciones de seguridad?',
      description: 'A partir de la fecha de entrega.',
    },
    eff_benefit_cost: {
      title:
        '¿Qué beneficio ha aportado el sistema, en relación con su coste durante todo el ciclo de vida, en despliegues comparables al de la autoridad?',
      description:
        'Por ejemplo, horas de investigación ahorradas por caso o casos resueltos, frente a licencias, equipos, energía y el tiempo del personal necesario para manejarlo y supervisarlo.',
      choices: {
        'measured-independent': 'Medido, y confirmado por un cliente o por una evaluación independiente',
        'measured-own': 'Medido por nosotros en despliegues comparables',
        claimed: 'Estimado, no medido',
        none: 'No podemos indicar el beneficio',
      },
    },
    ho_review_before_action: {
      title: '¿Debe una persona revisar cada resultado antes de adoptar cualquier medida respecto de un individuo?',
      description:
        'Por ejemplo, antes de una identificación en la vía pública, una detención, un registro o una anotación en un fichero policial.',
      choices: {
        enforced: 'Sí, el producto lo impone',
        recommended: 'Recomendado en las instrucciones, sin imponerlo',
      },
    },
    ho_override: {
      title: '¿Pueden los operadores descartar, invalidar o revertir cualquier resultado?',
      description: '¿Y queda registrada esa decisión?',
      choices: {
        fully: 'Sí, y la decisión queda registrada',
        partly: 'Sí, pero no queda registrada',
      },
    },
    ho_stop: {
      title: '¿Puede una persona autorizada detener el sistema de forma segura en cualquier momento?',
      description: 'Un «botón de parada» que detiene el tratamiento y deja el sistema en un estado seguro.',
    },
    ho_two_person: {
      title: '¿Permite el producto la verificación de cada identificación por dos personas competentes?',
      description:
        'En la identificación biométrica remota, ninguna medida puede basarse en una coincidencia hasta que dos personas competentes la hayan verificado por separado, salvo que el Derecho de la Unión o nacional establezca una excepción con fines de garantía del cumplimiento del Derecho. Responda respecto del producto, con independencia de lo que exija el Derecho aplicable a la autoridad.',
    },
    ho_automation_bias: {
      title: '¿Qué medidas ayudan a los operadores a resistir el sesgo de automatización?',
      description:
        'El sesgo de automatización es la tendencia a aceptar el resultado de una máquina sin examinarlo suficientemente.',
      choices: {
        confidence: 'Nivel de confianza o incertidumbre mostrado con cada resultado',
        alternatives: 'Se muestran alternativas, no una única respuesta',
        friction: 'Paso de confirmación deliberado con un motivo',
        training: 'Formación que aborda el sesgo de automatización',
      },
    },
    ho_training: {
      title: '¿Qué formación proporciona a las personas que manejarán y supervisarán el sistema?',
      description:
        'La competencia, la autoridad y la alfabetización en materia de IA de los operadores corresponden al responsable del despliegue; el proveedor debe dotarles de los medios necesarios.',
      choices: {
        programme: 'Un programa de formación con evaluación',
        documentation: 'Solo documentación y vídeos',
      },
    },
    ha_support_not_replace: {
      title: '¿Está el sistema diseñado para apoyar las decisiones de los agentes en lugar de tomarlas?',
      description:
        'Ninguna decisión con efectos jurídicos o similares sobre una persona se basa únicamente en su resultado.',
    },
    ha_feedback: {
      title: '¿Pueden los operadores notificar resultados erróneos para que se revisen y corrijan?',
      description: 'Una vía de comunicación de los usuarios hacia usted, con seguimiento.',
    },
    priv_training_on_agency_data: {
      title: '¿Utilizará los datos de la autoridad para entrenar o mejorar sus modelos?',
      description: 'Incluidos los datos de entrada, los resultados, los registros y las observaciones de los usuarios.',
      choices: {
        never: 'Nunca',
        'with-approval': 'Solo con la aprobación previa y por escrito de la autoridad para cada uso',
        'anonymised-default': 'Datos anonimizados, por defecto',
        'yes-default': 'Sí, por defecto',
      },
    },
    priv_retention: {
      title:
        '¿Puede la autoridad configurar los plazos de conservación y hacer suprimir los datos según un calendario?',
      description: 'Datos de entrada, resultados, bases de datos de referencia y copias de seguridad.',
      choices: {
        fully: 'Sí, para cada categoría de datos, incluidas las copias de seguridad',
        partly: 'Para algunas categorías de datos',
      },
    },
    priv_subprocessors: {
      title: '¿Comunica todos los subencargados del tratamiento, su función y su ubicación?',
      description: 'Incluidos los proveedores de servicios en la nube, de soporte y de etiquetado.',
      choices: { fully: 'Sí, la lista completa' },
    },
    priv_data_return: {
      title:
        'Al término del contrato, ¿devolverá los datos de la autoridad y suprimirá sus copias, con un certificado?',
      description: 'Abarca también las bases de datos de referencia y cualquier dato derivado.',
      choices: {
        fully: 'Sí, con un certificado de supresión',
        partly: 'Solo devolución, o supresión sin prueba',
      },
    },
    harm_hosting: {
      title: '¿Dónde se tratan y almacenan los datos de la autoridad y los resultados del sistema?',
      description: 'Incluya los subencargados del tratamiento y el acceso para soporte.',
      choices: {
        agency: 'Solo en infraestructura controlada por la autoridad',
        eu: 'En la UE/EEE, por nosotros o por subencargados declarados',
        'outside-eu': 'Parcial o totalmente fuera de la UE/EEE',
      },
    },
    priv_special_categories: {
      title:
        '¿Qué categorías especiales de datos personales (como datos biométricos o relativos a la salud) trata el sistema, y con qué salvaguardias?',
      description: 'Responda «ninguna» si no trata ninguna.',
    },
    tx_explanations: {
      title: '¿Qué explicaciones ofrece el sistema?',
      description: 'Globales (cómo funciona en general) y locales (por qué este resultado).',
      choices: {
        global: 'Una descripción sencilla del funcionamiento del modelo y de sus límites',
        'per-output': 'Un motivo para cada resultado individual',
        confidence: 'El nivel de confianza o incertidumbre de cada resultado',
        factors: 'Los factores que más influyeron en cada resultado',
      },
    },
    tx_explain_individual: {
      title:
        '¿Ayudará a la autoridad a explicar una decisión individual a la persona afectada o a un órgano jurisdiccional?',
      description:
        'El derecho a explicación de las decisiones individuales basadas en los resultados de salida de un sistema de IA de alto riesgo.',
    },
    tx_technical_documentation: {
      title: '¿Recibirá la autoridad la documentación técnica y las instrucciones de uso?',
      description:
        'La documentación técnica del Annex IV, o las partes pertinentes para el responsable del despliegue, y unas instrucciones de uso completas.',
      choices: { fully: 'Sí, completas', partly: 'Solo un resumen' },
    },
    tx_system_card: {
      title: 'Cargue una ficha descriptiva del modelo o del sistema',
      description: 'Finalidad, datos, parámetros, limitaciones y versión.',
    },
    tx_ai_interaction_disclosure: {
      title:
        'Si el sistema interactúa con personas o genera imágenes, audio, vídeo o texto, ¿informa a las personas de que están interactuando con un sistema de IA y marca el contenido generado como generado artificialmente en un formato legible por máquina?',
      description:
        'Obligaciones de transparencia para determinados sistemas de IA; los sistemas autorizados por la ley para detectar, prevenir, investigar o enjuiciar delitos están exentos de algunas de ellas, con salvaguardias.',
      choices: {
        'no-such-function': 'El sistema no interactúa con personas ni genera contenido',
        disclosed: 'Sí, se informa y se marca',
      },
    },
    fair_bias_testing: {
      title: '¿Cómo ha comprobado si el sistema presenta sesgos entre grupos demográficos?',
      description: 'Los resultados desglosados son tasas de error comunicadas por separado para cada grupo.',
      choices: {
        independent: 'Auditoría independiente con resultados desglosados',
        'internal-disaggregated': 'Pruebas propias con resultados desglosados',
        'aggregate-only': 'Solo resultados globales',
        none: 'Sin probar',
      },
    },
    fair_group_results: {
      title: 'Para cada grupo, ¿cómo se compara la tasa de error con la tasa global?',
      description: 'Una «diferencia» es la diferencia en la tasa de falsos positivos, en puntos porcentuales.',
      rows: {
        women: 'Mujeres',
        men: 'Hombres',
        'under-25': 'Personas menores de 25 años',
        'over-60': 'Personas mayores de 60 años',
        'darker-skin': 'Tonos de piel más oscuros',
        'lighter-skin': 'Tonos de piel más claros',
      },
      columns: {
        'within-2': 'Probado, diferencia de 2 puntos como máximo',
        'larger-gap': 'Probado, diferencia mayor',
        'not-tested': 'Sin probar',
      },
    },
    fair_bias_report: {
      title: 'Cargue el informe de evaluación de sesgos',
      description: 'Con los grupos, los parámetros y el conjunto de datos utilizados.',
    },
    fair_mitigation: {
      title: '¿Qué medidas adoptó respecto de las diferencias detectadas entre grupos?',
      description:
        'Reducción en los datos, el modelo o el umbral de funcionamiento, y diferencia residual que persiste.',
    },
    fair_representativeness: {
      title: '¿Son los datos de entrenamiento representativos de la población a la que sirve la autoridad?',
      description: 'Geografía, demografía, cámaras o fuentes, y comportamientos.',
      choices: {
        documented: 'Sí, con un análisis documentado',
        partly: 'Parcialmente, o sin análisis para esta población',
        unknown: 'No lo sabemos',
      },
    },
    fair_data_provenance: {
      title:
        '¿Puede documentar la procedencia de los datos de entrenamiento, validación y prueba, y la base jurídica con la que se recogieron?',
      description: 'Fuentes, finalidad original de cualquier dato personal, proceso de etiquetado y lagunas conocidas.',
      choices: {
        documented: 'Sí, totalmente documentada',
        refuse: 'No lo divulgaremos',
      },
    },
    div_accessibility: {
      title: '¿Cumple la interfaz de usuario una norma de accesibilidad (EN 301 549 / WCAG 2.1 AA)?',
      description: 'Los agentes con discapacidad deben poder utilizar y supervisar el sistema.',
      choices: { certified: 'Sí, auditada' },
    },
    div_languages: {
      title:
        '¿Funciona el sistema en las lenguas de sus operadores y, cuando proceda, de las personas a las que afecta?',
      description: 'Incluidas las explicaciones y los avisos.',
    },
    vul_minors: {
      title: '¿Cómo trata el sistema a los menores y a otras personas vulnerables?',
      description:
        'La gestión de riesgos debe considerar si el sistema puede afectar a menores de 18 años o a otros colectivos vulnerables: por ejemplo, personas con discapacidad o con problemas de salud mental, personas mayores, personas que no hablan el idioma, víctimas, migrantes y personas sin hogar.',
      choices: {
        'safeguards-tested': 'Salvaguardias específicas, probadas',
        'documented-limits': 'Solo limitaciones documentadas',
        'not-considered': 'No se ha considerado',
      },
    },
    vul_scores_children: {
      title: '¿Genera el sistema puntuaciones de riesgo sobre menores?',
      description: 'Cualquier resultado que califique a una persona menor de 18 años.',
    },
    red_contest: {
      title: '¿Puede la autoridad facilitar a una persona los registros que necesita para impugnar un resultado?',
      description:
        'Datos de entrada, resultado, versión, decisión del operador y explicación correspondientes a ese caso.',
      choices: {
        'self-service': 'Sí, exportables por la autoridad',
        'on-request': 'Previa solicitud a nosotros',
      },
    },
    red_correction: {
      title: '¿Pueden corregirse los datos o resultados erróneos, y trasladarse la corrección a todas las copias?',
      description: 'Incluidas las bases de datos de referencia y los resultados compartidos.',
    },
    red_fria_cooperation: {
      title:
        '¿Cooperará en la evaluación de impacto relativa a los derechos fundamentales y en la evaluación de impacto relativa a la protección de datos de la autoridad?',
      description:
        'Facilitando la información del Art. 13, el análisis de riesgos y los resultados de pruebas en los que se basa la autoridad, respondiendo a preguntas y participando en reuniones de revisión.',
    },
    fair_special_category_bias: {
      title:
        'Si trató categorías especiales de datos personales (como el origen étnico o la salud) para detectar y corregir sesgos, ¿qué salvaguardias se aplicaron?',
      description:
        'Solo cuando sea estrictamente necesario y otros datos no basten; datos seudonimizados, acceso controlado, sin transmisión a terceros, supresión una vez corregido el sesgo y motivos documentados.',
      choices: {
        'not-processed': 'No tratamos categorías especiales de datos personales',
        'all-safeguards': 'Sí, con todas estas salvaguardias, documentadas',
        'some-safeguards': 'Con algunas de estas salvaguardias',
        'no-safeguards': 'Sin estas salvaguardias',
      },
    },
    vul_other_groups: {
      title:
        '¿Ha evaluado el rendimiento y los efectos del sistema respecto de personas vulnerables distintas de los menores?',
      description:
        'Por ejemplo, personas con discapacidad o con problemas de salud mental, personas mayores, personas que no hablan el idioma, víctimas de delitos, migrantes y personas sin hogar.',
      choices: {
        fully: 'Sí, probado con resultados por grupo',
        partly: 'Considerado, sin probar',
      },
    },
    gov_qms: {
      title: '¿Qué sistema de gestión de la calidad abarca el sistema?',
      description:
        'Políticas de diseño, pruebas, datos, riesgos, vigilancia poscomercialización y notificación de incidentes.',
      choices: {
        iso42001: 'Certificado conforme a ISO/IEC 42001',
        'iso9001-ai': 'Certificado conforme a ISO 9001, con procedimientos específicos para la IA',
        documented: 'Documentado, sin certificar',
      },
    },
    gov_certificates: {
      title: 'Cargue los certificados y los resúmenes de auditoría',
      description: 'Certificados ISO, informes de auditoría o atestaciones con sus fechas de validez.',
    },
    gov_rai_policy: {
      title: '¿Dispone de una política de IA responsable con una revisión interna que pueda detener una versión?',
      description: 'Quién revisa, con qué facultades y con qué frecuencia.',
      choices: {
        fully: 'Sí, con facultad para detener versiones',
        partly: 'Una política sin fase de revisión vinculante',
      },
    },
    gov_change_notice: {
      title:
        '¿Notificará a la autoridad antes de introducir cambios sustanciales en el modelo, y podrá la autoridad rechazarlos?',
      description:
        'Reentrenamiento, nuevos datos, cambios de umbral o cualquier cambio que pueda alterar los resultados.',
      choices: {
        'advance-with-veto': 'Aviso previo con derecho a rechazar o a probar antes',
        after: 'Aviso posterior al cambio',
        no: 'Sin aviso',
      },
    },
    gov_post_market: {
      title: '¿Dispone de un plan de vigilancia poscomercialización para el sistema?',
      description: 'Recopilación y análisis de datos de rendimiento durante todo el ciclo de vida del sistema.',
      choices: { fully: 'Sí, documentado', partly: 'Vigilancia informal' },
    },
    gov_exit: {
      title:
        'Si el contrato finaliza, ¿puede la autoridad cambiar a otro proveedor sin perder sus datos, resultados ni registros?',
      description:
        'Formatos de exportación abiertos, asistencia en el traspaso y ninguna dependencia de formatos propietarios para los datos de la autoridad.',
      choices: { fully: 'Sí, con un plan de salida' },
    },
    gov_indemnity: {
      title:
        '¿Mantendrá indemne a la autoridad frente a reclamaciones derivadas de datos que haya utilizado sin tener derecho a ello?',
      description: 'Por ejemplo, datos de entrenamiento recogidos ilegalmente.',
      choices: { negotiable: 'Negociable' },
    },
    gov_staff_training: {
      title:
        '¿Está formado en IA responsable y protección de datos el personal que desarrolla el sistema y presta soporte?',
      description: 'Incluido el personal de soporte que pueda acceder a datos de la autoridad.',
    },
    aud_logging: {
      title: '¿Qué registra automáticamente el sistema?',
      description:
        'Los eventos a lo largo del ciclo de vida del sistema, suficientes para rastrear cada uso y detectar riesgos.',
      choices: {
        full: 'Cada uso: quién, cuándo, datos de entrada, resultados, decisiones y versión',
        partial: 'Algunos eventos',
        no: 'Ningún registro',
      },
    },
    aud_rbi_log: {
      title:
        'En cada identificación biométrica, ¿registra el archivo la hora de inicio y de fin, la base de datos de referencia, los datos de entrada que dieron lugar a la coincidencia y quién verificó el resultado?',
      description: 'El contenido mínimo de los registros para la identificación biométrica remota.',
    },
    aud_log_access: {
      title: '¿Cómo obtiene la autoridad sus registros?',
      description:
        'Los responsables del despliegue deben conservar los registros bajo su control durante al menos seis meses.',
      choices: {
        export: 'Exportación directa en un formato abierto',
        'on-request': 'Previa solicitud a nosotros',
        no: 'Sin acceso',
      },
    },
    aud_log_retention: {
      title: '¿Durante cuánto tiempo se conservan los registros por defecto?',
      description: 'En meses.',
    },
    aud_independent_audit: {
      title:
        '¿Dará a auditores independientes acceso para probar el sistema e inspeccionar su modelo, su código, su documentación de entrenamiento y sus registros?',
      description:
        'Auditores designados por la autoridad o por una autoridad de control, con sujeción a condiciones de confidencialidad.',
      choices: {
        full: 'Sí, incluido un entorno de prueba',
        limited: 'Acceso limitado, por ejemplo solo a documentos',
      },
    },
    aud_regulator_access: {
      title: '¿Cooperará, previa solicitud, con las autoridades de vigilancia del mercado y de protección de datos?',
      description: 'Dándoles acceso a la documentación, los registros y el sistema.',
    },
    aud_versioning: {
      title: '¿Se identifica cada versión del modelo, con un registro de cambios que la autoridad pueda consultar?',
      description: 'Para que cada resultado pueda atribuirse a la versión exacta que lo produjo.',
    },
    gov_gpai_upstream: {
      title:
        '¿Se basa el sistema en un modelo de IA de uso general de otro proveedor, y dispone de la documentación de dicho proveedor y de un acuerdo escrito sobre la información que necesita?',
      description:
        'Indique el modelo y su proveedor. Los proveedores de modelos de IA de uso general deben facilitar a los proveedores posteriores la información que necesitan para cumplir sus obligaciones.',
      choices: {
        none: 'No se utiliza ningún modelo de IA de uso general',
        documented: 'Sí, con la documentación del proveedor del modelo y un acuerdo escrito',
        'documentation-only': 'Sí, con documentación pero sin acuerdo escrito',
        undocumented: 'Sí, sin ninguna de las dos',
      },
    },
    rbi_mode: {
      title: '¿Supedita el producto cada identificación a una autorización registrada?',
      description:
        'La autoridad ha fijado la modalidad de uso. La identificación en tiempo real en espacios de acceso público está prohibida con fines de garantía del cumplimiento del Derecho, salvo para objetivos estrictamente delimitados y con autorización previa para cada uso; la identificación remota en diferido requiere autorización previa o en un plazo de 48 horas.',
      choices: {
        post: 'Sí: una búsqueda no puede iniciarse sin una referencia de autorización, que queda registrada',
        'realtime-authorised': 'Se registra una referencia de autorización, pero no se impone',
        'realtime-open': 'Ningún control de autorización',
      },
    },
    rbi_watchlists: {
      title:
        '¿Quién puede incluir personas en bases de datos de referencia o listas de vigilancia, y se justifica y revisa cada inclusión?',
      description: 'Derechos basados en funciones, un motivo registrado y una revisión periódica.',
      choices: { fully: 'Sí, impuesto por el producto' },
    },
    rbi_threshold: {
      title:
        '¿Puede la autoridad fijar el umbral de coincidencia, y ve el operador una lista ordenada de candidatos en lugar de una coincidencia única?',
      description: 'Los «aciertos» únicos favorecen el sesgo de automatización.',
    },
    rbi_benchmark: {
      title:
        '¿Se ha evaluado el algoritmo en una prueba comparativa pública e independiente con resultados demográficos?',
      description: 'Por ejemplo, NIST FRTE, o una evaluación independiente equivalente.',
      choices: { yes: 'Sí, resultados disponibles' },
    },
    rp_factors: {
      title: '¿Recibe la autoridad la lista completa de factores que utiliza la evaluación y su ponderación?',
      description: 'Necesaria para comprobar que ningún factor sustituye a una característica protegida.',
    },
    rp_local_validation: {
      title: '¿Se ha validado la evaluación con la población en la que se utilizará?',
      description:
        'Las herramientas de riesgo calibradas en otros lugares suelen valorar mal a las poblaciones locales.',
      choices: { yes: 'Sí, validada localmente', planned: 'Prevista antes de la puesta en servicio' },
    },
    rp_proxies: {
      title:
        '¿Ha comprobado si los datos de entrada contienen variables sustitutivas de características protegidas, como el código postal o la red social?',
      description: 'Y eliminado o limitado las que actúan como tales.',
      choices: { fully: 'Sí, comprobadas y corregidas', partly: 'Comprobadas, sin corregir' },
    },
  },
  rules: {
    'ko-no-audit-access': {
      title: 'Rechaza el acceso de una auditoría independiente',
      explanation: 'Una autoridad no puede supervisar ni defender un sistema que no puede someter a auditoría.',
    },
    'ko-no-human-review': {
      title: 'Ninguna revisión humana antes de actuar',
      explanation:
        'Los resultados pueden dar lugar a medidas respecto de una persona sin que nadie los compruebe. Las decisiones con efectos adversos no pueden basarse únicamente en un tratamiento automatizado (Directive (EU) 2016/680 Art. 11; para la identificación biométrica remota en diferido, también AI Act Art. 26(10)).',
    },
    'ko-no-override': {
      title: 'Los resultados no pueden invalidarse',
      explanation: 'La supervisión humana exige que los operadores puedan descartar o revertir los resultados.',
    },
    'ko-provenance-refused': {
      title: 'Se niega a divulgar la procedencia de los datos',
      explanation: 'Sin saber de dónde proceden los datos, no pueden evaluarse la licitud ni los sesgos.',
    },
    'ko-scraped-faces': {
      title: 'Base de datos de reconocimiento facial creada o ampliada mediante extracción no selectiva',
      explanation:
        'Crear o ampliar bases de datos de reconocimiento facial mediante la extracción no selectiva de imágenes faciales de internet o de circuitos cerrados de televisión es una práctica prohibida.',
    },
    'ko-emotion-categorisation': {
      title: 'Política de la autoridad: sin reconocimiento de emociones ni categorización biométrica',
      explanation:
        'No es una prohibición legal: en la garantía del cumplimiento del Derecho estas funciones son usos de alto riesgo (Annex III 1(b), 1(c), 6(b)), y el Art. 5(1)(f) solo prohíbe el reconocimiento de emociones en el lugar de trabajo y en centros educativos. La autoridad las excluye por política propia; una autoridad que no desee esta exclusión elimina la regla de su cuestionario.',
    },
    'ko-profiling-only': {
      title: 'Predice delitos únicamente a partir de la elaboración de perfiles',
      explanation: 'Prohibido salvo que apoye una valoración humana basada en hechos objetivos.',
    },
    'ko-realtime-uncontrolled': {
      title: 'Identificación en tiempo real sin control de autorizaciones',
      explanation: 'La identificación biométrica remota en tiempo real requiere autorización previa en cada caso.',
    },
    'ko-no-logging': {
      title: 'Sistema de alto riesgo sin registro automático',
      explanation: 'La conservación de registros es obligatoria para los sistemas de IA de alto riesgo.',
    },
    'ko-not-classified': {
      title: 'Clasificación con arreglo al Reglamento de IA no evaluada para un uso de alto riesgo',
      explanation: 'El proveedor no ha evaluado un uso que el Reglamento de IA califica de alto riesgo.',
    },
    'ko-no-art5-declaration': {
      title: 'Ninguna declaración de que el sistema no realiza prácticas prohibidas',
      explanation:
        'La autoridad no puede adquirir un sistema que realice una práctica prohibida por el Art. 5 del Reglamento de IA.',
    },
    'ko-social-scoring': {
      title: 'Puntuación ciudadana',
      explanation:
        'Está prohibido puntuar a personas por su comportamiento social o sus características personales en su perjuicio.',
    },
    'ko-sensitive-categorisation': {
      title: 'Categorización biométrica por raza, opiniones, convicciones u orientación sexual',
      explanation:
        'Está prohibido clasificar individualmente a personas sobre la base de sus datos biométricos para inferir estos rasgos; el etiquetado o filtrado de conjuntos de datos biométricos adquiridos lícitamente no lo está.',
    },
    'ko-trains-on-agency-data': {
      title: 'Entrena con datos de la autoridad por defecto',
      explanation:
        'Se reutilizarían datos policiales para los propios modelos del proveedor sin la aprobación de la autoridad, al margen de la finalidad para la que se recogieron.',
    },
    'ko-no-stop': {
      title: 'El sistema no puede detenerse',
      explanation:
        'La supervisión humana exige que una persona pueda interrumpir el sistema y detenerlo en un estado seguro.',
    },
    'rf-no-disaggregated-results': {
      title: 'Sin resultados de precisión desglosados',
      explanation: 'Las tasas de error no se comunican por grupo demográfico.',
    },
    'rf-high-false-positives': {
      title: 'Tasa de falsos positivos igual o superior al 5 %',
      explanation: 'Muchas personas serían señaladas erróneamente con el umbral por defecto.',
    },
    'rf-benchmark-only': {
      title: 'Precisión no probada en condiciones realistas',
      explanation: 'Solo pruebas comparativas públicas o del fabricante, o ninguna prueba.',
    },
    'rf-trains-on-agency-data': {
      title: 'Entrena con datos anonimizados de la autoridad por defecto',
      explanation:
        'Los datos anonimizados de la autoridad se reutilizarían para los modelos del proveedor sin aprobación caso por caso.',
    },
    'rf-outside-eu': {
      title: 'Tratamiento fuera de la UE/EEE',
      explanation:
        'Los datos de la autoridad salen de la UE/EEE, donde las transferencias de datos policiales requieren una decisión de adecuación o garantías adecuadas. La política de la autoridad puede convertirlo en criterio excluyente.',
    },
    'rf-no-pentest': {
      title: 'Nunca sometido a pruebas de penetración',
      explanation: 'Ninguna prueba de seguridad del producto desplegado.',
    },
    'rf-short-log-retention': {
      title: 'Registros conservados menos de seis meses',
      explanation: 'Los responsables del despliegue deben conservar los registros durante al menos seis meses.',
    },
    'rf-no-change-notice': {
      title: 'Sin aviso de cambios en el modelo',
      explanation: 'El modelo podría cambiar sin que la autoridad reciba aviso alguno.',
    },
    'rf-no-exit': {
      title: 'Sin vía de salida',
      explanation: 'La autoridad podría perder sus datos o quedar cautiva del proveedor.',
    },
    'rf-no-individual-explanation': {
      title: 'No puede explicar decisiones individuales',
      explanation: 'Las personas afectadas tienen derecho a una explicación.',
    },
    'rf-no-drift-monitoring': {
      title: 'Sin vigilancia de la desviación',
      explanation: 'La precisión podría degradarse sin que nadie lo advierta.',
    },
    'rf-no-two-person-check': {
      title: 'Sin verificación de las identificaciones por dos personas',
      explanation:
        'Las coincidencias biométricas deben ser verificadas por dos personas competentes antes de actuar, salvo que el Derecho de la Unión o nacional establezca una excepción con fines de garantía del cumplimiento del Derecho.',
    },
    'rf-scores-children': {
      title: 'Puntuaciones de riesgo sobre menores',
      explanation: 'Los menores constituyen un colectivo vulnerable protegido.',
    },
    'rf-no-fria-cooperation': {
      title: 'No cooperará en la evaluación de impacto',
      explanation:
        'La autoridad necesita la contribución del proveedor para su evaluación de impacto relativa a los derechos fundamentales y su evaluación de impacto relativa a la protección de datos.',
    },
    'rf-undisclosed-subprocessors': {
      title: 'Subencargados del tratamiento no comunicados',
      explanation:
        'La autoridad no puede saber quién trata sus datos. La política de la autoridad puede convertirlo en criterio excluyente.',
    },
    'rf-no-qms': {
      title: 'Sin sistema de gestión de la calidad',
      explanation: 'Obligatorio para los proveedores de sistemas de IA de alto riesgo.',
    },
    'rf-always-outputs': {
      title: 'Siempre ofrece un resultado, incluso con incertidumbre',
      explanation: 'Unos datos de entrada deficientes siguen produciendo resultados de apariencia fiable.',
    },
    'rf-unregistered-high-risk': {
      title: 'Condición previa al uso: registro en la base de datos de la UE',
      explanation:
        'Una autoridad pública no puede utilizar un sistema de alto riesgo que no esté registrado en la base de datos de la UE. El registro pasa a ser una condición que el contrato fija antes del primer uso.',
    },
    'rf-gpai-undocumented': {
      title: 'Modelo de uso general de origen sin documentación',
      explanation:
        'El proveedor no puede demostrar qué hace el modelo en el que se basa, con qué datos se entrenó ni en qué falla.',
    },
  },
};
