import type { CatalogDraft } from './catalog';

/** Spanish wording of the provider portal. */
export const ES: CatalogDraft = {
  language: {
    name: 'Español',
    switchLabel: 'Idioma',
  },
  layout: {
    skipLink: 'Ir al contenido principal',
    footer: 'Probity — contratación responsable de IA para las fuerzas del orden.',
  },
  notices: {
    saved: 'Sus respuestas se han guardado.',
    asked: 'Su pregunta se ha enviado. La respuesta se publicará para todos los proveedores invitados.',
    submitted:
      'Su respuesta se ha enviado. Sus respuestas y documentos quedan fijados; este justificante también se envió por correo electrónico a sus direcciones de contacto.',
  },
  overview: {
    cannotSubmitTitle: 'Su respuesta todavía no se puede enviar',
    cannotSubmitIntro: 'Complete o corrija estas respuestas:',
    respondingAs: 'Responde en nombre de {organisation}.',
    submittedOn: 'Enviada el {date}',
    dueBy: 'Las respuestas deben presentarse antes del {date}.',
    aboutTitle: 'Sobre esta licitación',
    intendedUseTitle: 'Uso previsto del sistema de IA',
    questionsDue: 'Se aceptan preguntas de aclaración hasta el {date}.',
    criteriaTitle: 'Cómo se evalúan las respuestas',
    criteriaIntro:
      'Las respuestas se puntúan según los cinco principios fundamentales del conjunto de herramientas de INTERPOL y UNICRI para la innovación responsable en IA en las fuerzas del orden, con estas ponderaciones publicadas. Algunas respuestas son criterios eliminatorios: una respuesta que no cumple uno de ellos no se clasifica.',
    criteriaCaption: 'Criterios de evaluación y ponderaciones',
    principleHeading: 'Principio fundamental',
    weightHeading: 'Ponderación (%)',
    questionnaireTitle: 'Cuestionario',
    questionnaireIntro:
      'Sus respuestas se guardan a medida que avanza. Puede salir y volver con el mismo enlace, desde cualquier dispositivo.',
    sectionProgress: '{answered} de {required} obligatorias respondidas',
    sectionProgressAll: '{answered} de {total} en total',
    offlineWorkbook:
      'Descargar el cuestionario como hoja de cálculo para preparar sus respuestas sin conexión; introdúzcalas aquí después.',
    clarificationsTitle: 'Aclaraciones',
    clarificationsIntro:
      'Respuestas a las preguntas de los proveedores, publicadas para todos los proveedores invitados sin indicar quién preguntó.',
    publishedOn: 'Publicada el {date}',
    noClarifications: 'Todavía no se ha publicado ninguna aclaración.',
    methodHash:
      'Huella (SHA-256) del método de evaluación publicado: {hash}. El expediente de evaluación firmado contiene el método aplicado; cualquiera puede comprobar que su huella es esta.',
    amendmentsTitle: 'Modificaciones del método de evaluación',
    amendmentsIntro:
      'Cambios de las ponderaciones publicadas antes del plazo de respuesta, enviados a todos los proveedores invitados.',
    amendmentHeading: 'Modificación n.º {number}, publicada el {date}',
    amendmentReason: 'Motivo: {reason}',
    amendmentExtended: 'El plazo de respuesta se amplió hasta el {date}.',
    amendmentCaption: 'Ponderaciones cambiadas por la modificación n.º {number}',
    amendmentBefore: 'Antes',
    amendmentAfter: 'Después',
    noAmendments: 'El método de evaluación no se ha modificado.',
    pendingTitle: 'Sus preguntas pendientes de respuesta',
    askedOn: 'formulada el {date}',
    askLabel: 'Hacer una pregunta sobre esta licitación',
    askHint:
      'La respuesta se publica para todos los proveedores invitados. No se muestra el nombre de su organización.',
    askButton: 'Enviar la pregunta',
    submitTitle: 'Enviar su respuesta',
    submittedText: 'Su respuesta se envió el {date}. Sus respuestas ya no pueden cambiar.',
    viewReceipt: 'Ver su justificante',
    submitIntro:
      'Al enviar, se comprueba cada respuesta obligatoria y sus respuestas quedan fijadas: ya no se pueden modificar. Recibirá un justificante con una huella (SHA-256) de exactamente lo que envió.',
    submitButton: 'Enviar la respuesta',
    closedOn: 'El plazo de respuesta terminó el {date}.',
    confirmTitle: '¿Enviar su respuesta?',
    confirmIntro: 'Está a punto de enviar la respuesta de {organisation} a «{case}».',
    confirmIrreversible: 'Una vez enviadas, sus respuestas y documentos quedan fijados y ya no se pueden modificar.',
    confirmSummary: 'Ha respondido {answered} de {total} preguntas y adjuntado {files} documentos.',
    confirmButton: 'Sí, enviar la respuesta',
    confirmCancel: 'No, volver a mis respuestas',
  },
  section: {
    sectionsNavLabel: 'Secciones del cuestionario',
    backToOverview: 'Volver al resumen',
    conflictTitle: 'Sus cambios no se han guardado',
    conflictText:
      'Las respuestas siguientes son las últimas guardadas (por ejemplo, desde otra pestaña u otro dispositivo). Revíselas, vuelva a hacer sus cambios y guarde.',
    conflictDefault: 'Estas respuestas se han modificado en otro lugar.',
    problemsTitle: 'Hay respuestas que deben corregirse',
    readOnly: 'Esta respuesta ya se ha enviado. Sus respuestas ya no se pueden modificar.',
    save: 'Guardar',
    saveAndContinue: 'Guardar y continuar',
    addEvidence: 'Añadir documentación para «{question}»',
    evidenceHint:
      'PDF, imagen, Word, Excel, OpenDocument o texto sin formato; {megabytes} MB como máximo. El tipo de archivo se comprueba a partir de su contenido.',
    upload: 'Subir',
    uploadProgress: 'Progreso de la subida',
    uploading: 'Subiendo… {percent} %',
    uploaded: 'Subido. Mostrando el archivo…',
    uploadFailed: 'No se ha subido. {detail}',
    pagerLabel: 'Sección anterior y siguiente',
    previous: 'Anterior: {title}',
    next: 'Siguiente: {title}',
    reviewAndSubmit: 'Revisar y enviar',
    untitledSection: 'Sección {number}',
    uploadRetrying: 'Aún no se ha subido: nuevo intento en {seconds} s. El archivo sigue seleccionado.',
  },
  method: {
    title: 'Cómo se puntúa su respuesta',
    intro:
      'El método completo, publicado antes de las respuestas: lo que vale cada pregunta en el total (puntos sobre 100) y las reglas que se aplican a todos los proveedores por igual. Los puntos de cada opción y todos los umbrales figuran en las secciones del cuestionario.',
    criterionCaption: '{criterion}: {weight} % de la adjudicación, {points} puntos repartidos entre sus preguntas',
    question: 'Pregunta',
    principle: 'Principio instrumental',
    points: 'Puntos sobre 100',
    total: 'Todas las preguntas juntas: {total} puntos.',
    rulesTitle: 'Las reglas',
    ruleWeights:
      'Cada pregunta vale peso del principio × peso de la pregunta unidades; los puntos de un criterio se reparten entre sus preguntas en proporción a sus unidades, de modo que los puntos de cada pregunta se publican arriba y suman 100.',
    ruleNa:
      '«No aplicable» solo se acepta donde el cuestionario lo ofrece. Una pregunta respondida como no aplicable sale de la puntuación: sus puntos se reparten, en proporción, entre las demás preguntas de su criterio. Una fila de tabla no aplicable, donde se ofrece, sale de la media de la tabla.',
    ruleBlank:
      'Una pregunta en blanco vale 0, igual que la peor respuesta, sea obligatoria u opcional: dejar una pregunta en blanco nunca puntúa más que responderla.',
    ruleTables:
      'Una tabla vale la media de todas sus filas; una fila omitida vale 0. Una tabla incompleta no puede enviarse.',
    ruleEvidence:
      'Una afirmación que pide pruebas solo obtiene sus puntos cuando la prueba está adjunta y el comité de evaluación confirma que la respalda; hasta entonces, y si el comité considera que no, vale 0, igual que la peor respuesta. Una prueba nunca baja una puntuación.',
    ruleAccuracy:
      'La exactitud se pide como recuentos (VP, FP, VN, FN) con un umbral de funcionamiento indicado, sobre un conjunto de prueba con nombre. Probity calcula la tasa de falsos positivos FP / (FP + VN), la tasa de falsos negativos FN / (FN + VP), la precisión y la tasa base de la misma forma para cada proveedor y puntúa las tasas según los umbrales publicados; las cifras medidas con otro conjunto de prueba, otro umbral o una tasa base muy distinta se marcan como no comparables.',
    ruleJudgement:
      'Las preguntas que requieren juicio las puntúa el comité de evaluación en la escala publicada de 0 a 4; 4 vale 100 puntos.',
    ruleKnockouts: 'Una respuesta que cumple una regla de exclusión no se clasifica.',
    ruleRedFlags:
      'Las señales de alerta son riesgos para el contrato, no criterios de adjudicación: nunca cambian una puntuación ni una clasificación.',
  },
  model: {
    title: 'Cómo se puntúa su respuesta: el modelo de puntuación propio del cuestionario',
    intro:
      'Este cuestionario trae su propio modelo de puntuación, publicado con la licitación antes de cualquier respuesta. La evaluación aplica exactamente este modelo a cada proveedor: los puntos de cada respuesta, los totales de los grupos, los valores calculados a partir de ellos, los niveles y la clasificación que siguen.',
    riskier: 'Un valor más alto significa más riesgo: cuanto más bajo el resultado, mejor.',
    better: 'Un valor más alto es mejor.',
    groupCaption: '{group}: los puntos de cada respuesta ({questions} preguntas)',
    maximumAll:
      'El total del grupo es la suma de los puntos de sus preguntas. Su máximo es de {maximum} puntos: cuenta cada pregunta del grupo, se le muestre o no.',
    maximumVisible:
      'El total del grupo es la suma de los puntos de sus preguntas. Su máximo cuenta solo las preguntas que se le muestran (como mucho {maximum} puntos): una pregunta ocultada por sus respuestas no cuenta.',
    groupRiskier: 'En este grupo, más puntos significan más riesgo.',
    groupBetter: 'En este grupo, más puntos es mejor (por ejemplo, medidas que reducen el riesgo).',
    question: 'Pregunta',
    answer: 'Respuesta',
    points: 'Puntos',
    weighted: 'Puntos × {weight} (peso de la pregunta)',
    multiple: 'Cada respuesta elegida suma sus puntos.',
    perRow: 'Cada fila suma los puntos de la columna elegida.',
    ratingNumber: 'El número elegido, de {lowest} a {highest}, da los puntos.',
    rangeBelow: 'menos de {to}',
    rangeFrom: '{from} o más',
    rangeBetween: 'de {from} a menos de {to}',
    blank:
      'Una pregunta que se le muestra y queda sin respuesta cuenta como su peor respuesta: la que más puntos de riesgo da, o la que menos puntos da donde más es mejor. Una pregunta ocultada por sus respuestas no suma puntos. «No aplicable», donde se ofrece, deja la pregunta fuera del total y del máximo de su grupo.',
    valuesTitle: 'Valores calculados a partir de los totales',
    valuesIntro:
      'Calculados en este orden, con las fórmulas del lenguaje de expresiones de SurveyJS: iif(condición, a, b) da a si la condición se cumple, b en caso contrario.',
    valueHeading: 'Valor',
    formulaHeading: 'Fórmula',
    maximumHeading: 'Su máximo',
    variablesTitle: 'Nombres usados en las fórmulas',
    variableValue: 'el total de «{title}»',
    variableMaximum: 'el máximo de «{title}»',
    variableDerived: 'el valor de «{title}»',
    levelsTitle: 'Niveles',
    levelsPercent: 'El nivel lo fija «{value}» en porcentaje de su máximo.',
    levelsPoints: 'El nivel lo fija «{value}» en puntos.',
    levelHeading: 'Nivel',
    rangePercent: 'Intervalo (% del máximo)',
    rangePoints: 'Intervalo (puntos)',
    outcomeHeading: 'Resultado',
    passes: 'Aprueba',
    fails: 'No aprueba',
    rankingTitle: 'Clasificación',
    rankByValueLowest:
      'Las respuestas se clasifican por «{value}», la más baja primero; los valores iguales comparten puesto.',
    rankByValueHighest:
      'Las respuestas se clasifican por «{value}», la más alta primero; los valores iguales comparten puesto.',
    rankByLevelLowest:
      'Las respuestas se clasifican por nivel, el más bajo primero; las respuestas del mismo nivel comparten puesto.',
    rankByLevelHighest:
      'Las respuestas se clasifican por nivel, el más alto primero; las respuestas del mismo nivel comparten puesto.',
    rankNone: 'Las respuestas no se clasifican: cada una aprueba o no según su nivel.',
    knockoutsTitle: 'Reglas de exclusión (eliminatorias)',
    knockoutsIntro: 'Una respuesta que cumple una de estas reglas no se clasifica, sean cuales sean sus puntos:',
  },
  question: {
    required: '(obligatoria)',
    choose: 'Elija…',
    yes: 'Sí',
    no: 'No',
    none: 'Ninguno',
    other: 'Otro',
    notApplicable: 'No aplicable a nuestro sistema',
    evidenceAttached: 'Documentación adjunta:',
    evidenceRequested: 'Se solicita documentación para esta respuesta. Súbala justo debajo.',
    markingGuideTitle: 'Cómo puntúa el panel esta respuesta (0 a 4; 1 y 3 se sitúan entre los niveles descritos)',
    evidenceRule:
      'Una respuesta que exige documentación solo obtiene sus puntos si la documentación se adjunta y el panel de evaluación confirma que respalda la respuesta.',
    fileSize: '{bytes} bytes',
    remove: 'Quitar {file}',
    answerRequired: '«{title}»: la respuesta es obligatoria.',
    notApplicableRefused: '«{title}»: «No aplicable» no se acepta para esta pregunta.',
    tableIncomplete: '«{title}»: responda a cada fila de la tabla (faltan: {rows}).',
    knockoutTitle: 'Criterio de exclusión: una respuesta que lo cumple no se clasifica.',
    disabled: 'Esta pregunta no se puede modificar ahora: depende de sus otras respuestas.',
  },
  autosave: {
    saving: 'Guardando…',
    saved: 'Todos los cambios se guardaron a las {time}.',
    savedSecondsAgo: 'Guardado hace {seconds} s',
    savedMinutesAgo: 'Guardado hace {minutes} min',
    conflict:
      'No guardado: estas respuestas se modificaron en otra pestaña o en otro dispositivo. Sus cambios se conservan en este navegador. Recargue la página: se volverán a poner en el formulario para que los revise y los guarde.',
    invalid: 'No guardado: {messages}',
    failed: 'No guardado ({reason}). Sus cambios se conservan en este navegador; nuevo intento en {seconds} s.',
    offline:
      'No guardado: no hay conexión. Sus cambios se conservan en este navegador y se guardarán en cuanto vuelva la conexión.',
    intro: 'Las respuestas se guardan automáticamente mientras escribe.',
    notSaved: 'No guardado ({reason}). Sus cambios se conservan en este navegador.',
    restored: 'Sus cambios sin guardar de las {time} se volvieron a poner en el formulario.',
    restoredCheck:
      'Sus cambios sin guardar de las {time} se volvieron a poner en el formulario, pero las respuestas guardadas cambiaron mientras tanto (en otra pestaña o en otro dispositivo). Revíselos y pulse Guardar.',
  },
  scope: {
    title: 'Ámbito del Reglamento de IA fijado por la autoridad',
    intro:
      'La autoridad ha clasificado el uso previsto con arreglo al Reglamento europeo de IA como sigue. Esta clasificación decide qué preguntas se aplican, las mismas para todos los proveedores; sus respuestas no pueden cambiarla. Si cree que es errónea, formule una pregunta de aclaración: la respuesta se publica a todos los proveedores invitados.',
    notHighRisk: 'No es de alto riesgo: no se aplica ningún punto del anexo III del Reglamento de IA.',
    annex1a: 'Anexo III, punto 1, letra a): identificación biométrica remota',
    annex1b: 'Anexo III, punto 1, letra b): categorización biométrica según atributos sensibles o protegidos',
    annex1c: 'Anexo III, punto 1, letra c): reconocimiento de emociones',
    annex6a: 'Anexo III, punto 6, letra a): riesgo de que una persona sea víctima de delitos',
    annex6b: 'Anexo III, punto 6, letra b): polígrafos y herramientas similares',
    annex6c: 'Anexo III, punto 6, letra c): fiabilidad de las pruebas',
    annex6d:
      'Anexo III, punto 6, letra d): riesgo de delinquir o reincidir, rasgos de personalidad o comportamiento delictivo pasado',
    annex6e:
      'Anexo III, punto 6, letra e): elaboración de perfiles en la detección, investigación o enjuiciamiento de delitos',
    annex7: 'Anexo III, punto 7: migración, asilo y control fronterizo',
    annex8: 'Anexo III, punto 8: administración de justicia y procesos democráticos',
    rbiPost: 'Identificación biométrica remota en diferido, sobre material grabado.',
    rbiRealTime: 'Identificación biométrica remota en tiempo real.',
    personalData: 'El sistema trata datos personales.',
    noPersonalData: 'El sistema no trata datos personales.',
  },
  receipt: {
    title: 'Justificante de envío',
    received: 'Se ha recibido su respuesta a {case}.',
    provider: 'Proveedor',
    submitted: 'Enviada',
    fingerprint: 'Huella (SHA-256 de la versión del cuestionario, sus respuestas y sus archivos de documentación)',
    evidenceCaption: 'Archivos de documentación incluidos',
    fileHeading: 'Archivo',
    questionHeading: 'Pregunta',
    mailed:
      'Se ha enviado una copia de este justificante a sus direcciones de contacto. Consérvela: la huella demuestra exactamente lo que envió.',
    backToOverview: 'Volver al resumen',
    answersTitle: 'Sus respuestas',
    notAnswered: 'Sin respuesta',
  },
};
