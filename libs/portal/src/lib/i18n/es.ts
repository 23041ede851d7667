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
    clarificationsTitle: 'Aclaraciones',
    clarificationsIntro:
      'Respuestas a las preguntas de los proveedores, publicadas para todos los proveedores invitados sin indicar quién preguntó.',
    publishedOn: 'Publicada el {date}',
    noClarifications: 'Todavía no se ha publicado ninguna aclaración.',
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
    evidenceRequested:
      'Se solicita documentación para esta respuesta. Use el formulario de subida situado debajo de las preguntas.',
    fileSize: '{bytes} bytes',
    remove: 'Quitar {file}',
    answerRequired: '«{title}»: la respuesta es obligatoria.',
    notApplicableRefused: '«{title}»: «No aplicable» no se acepta para esta pregunta.',
  },
  autosave: {
    saving: 'Guardando…',
    saved: 'Todos los cambios se guardaron a las {time}.',
    savedSecondsAgo: 'Guardado hace {seconds} s',
    savedMinutesAgo: 'Guardado hace {minutes} min',
    conflict:
      'No guardado: estas respuestas se modificaron en otra pestaña o en otro dispositivo. Vuelva a cargar la página para ver las últimas respuestas y repita su cambio.',
    invalid: 'No guardado: {messages}',
    failed: 'No guardado ({reason}). Use el botón Guardar para volver a intentarlo.',
    offline:
      'No guardado: se perdió la conexión. Sus cambios siguen en esta página; use el botón Guardar cuando vuelva a tener conexión.',
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
  },
};
