import type { CatalogDraft } from './catalog';

/** French wording of the provider portal. */
export const FR: CatalogDraft = {
  language: {
    name: 'Français',
    switchLabel: 'Langue',
  },
  layout: {
    skipLink: 'Aller au contenu principal',
    footer: 'Probity — achats d’IA responsable pour les services répressifs.',
  },
  notices: {
    saved: 'Vos réponses ont été enregistrées.',
    asked: 'Votre question a été envoyée. La réponse sera publiée à tous les fournisseurs invités.',
  },
  overview: {
    cannotSubmitTitle: 'Votre réponse ne peut pas encore être soumise',
    cannotSubmitIntro: 'Veuillez compléter ou corriger ces réponses :',
    respondingAs: 'Vous répondez au nom de {organisation}.',
    submittedOn: 'Soumise le {date}',
    dueBy: 'Les réponses sont attendues au plus tard le {date}.',
    aboutTitle: 'À propos de cet appel d’offres',
    intendedUseTitle: 'Utilisation prévue du système d’IA',
    questionsDue: 'Les demandes de clarification sont acceptées jusqu’au {date}.',
    criteriaTitle: 'Comment les réponses sont évaluées',
    criteriaIntro:
      'Les réponses sont notées selon les cinq principes fondamentaux de la boîte à outils INTERPOL–UNICRI pour une innovation responsable en matière d’IA dans les services répressifs, avec les pondérations publiées ci-dessous. Certaines réponses sont éliminatoires : une réponse qui échoue à l’un de ces critères n’est pas classée.',
    criteriaCaption: 'Critères d’évaluation et pondérations',
    principleHeading: 'Principe fondamental',
    weightHeading: 'Pondération (%)',
    questionnaireTitle: 'Questionnaire',
    questionnaireIntro:
      'Vos réponses sont enregistrées au fur et à mesure. Vous pouvez partir et revenir avec le même lien, depuis n’importe quel appareil.',
    sectionProgress: '{answered} sur {required} réponses obligatoires',
    sectionProgressAll: '{answered} sur {total} au total',
    clarificationsTitle: 'Clarifications',
    clarificationsIntro:
      'Réponses aux questions des fournisseurs, publiées à tous les fournisseurs invités sans indiquer qui a posé la question.',
    publishedOn: 'Publiée le {date}',
    noClarifications: 'Aucune clarification n’a encore été publiée.',
    pendingTitle: 'Vos questions en attente de réponse',
    askedOn: 'posée le {date}',
    askLabel: 'Poser une question sur cet appel d’offres',
    askHint: 'La réponse est publiée à tous les fournisseurs invités. Le nom de votre organisation n’est pas affiché.',
    askButton: 'Envoyer la question',
    submitTitle: 'Soumettre votre réponse',
    submittedText: 'Votre réponse a été soumise le {date}. Ses réponses sont désormais figées.',
    viewReceipt: 'Voir votre accusé de réception',
    submitIntro:
      'Lors de la soumission, chaque réponse obligatoire est vérifiée et vos réponses sont figées : elles ne peuvent plus être modifiées. Vous recevez un accusé de réception avec une empreinte (SHA-256) de ce que vous avez soumis exactement.',
    submitButton: 'Soumettre la réponse',
  },
  section: {
    sectionsNavLabel: 'Sections du questionnaire',
    backToOverview: 'Retour à la vue d’ensemble',
    conflictTitle: 'Vos modifications n’ont pas été enregistrées',
    conflictText:
      'Les réponses ci-dessous sont les dernières enregistrées (par exemple depuis un autre onglet ou appareil). Vérifiez-les, refaites vos modifications et enregistrez.',
    conflictDefault: 'Ces réponses ont été modifiées ailleurs.',
    problemsTitle: 'Certaines réponses doivent être corrigées',
    readOnly: 'Cette réponse a été soumise. Ses réponses ne peuvent plus être modifiées.',
    save: 'Enregistrer',
    saveAndContinue: 'Enregistrer et continuer',
    addEvidence: 'Ajouter une pièce justificative pour « {question} »',
    evidenceHint:
      'PDF, image, Word, Excel, OpenDocument ou texte brut ; {megabytes} Mo au maximum. Le type de fichier est vérifié d’après son contenu.',
    upload: 'Téléverser',
    uploadProgress: 'Progression du téléversement',
    uploading: 'Téléversement… {percent} %',
    uploaded: 'Téléversé. Affichage du fichier…',
    uploadFailed: 'Non téléversé. {detail}',
    pagerLabel: 'Section précédente et suivante',
    previous: 'Précédente : {title}',
    next: 'Suivante : {title}',
    reviewAndSubmit: 'Vérifier et soumettre',
    untitledSection: 'Section {number}',
  },
  question: {
    required: '(obligatoire)',
    choose: 'Choisir…',
    yes: 'Oui',
    no: 'Non',
    none: 'Aucun',
    other: 'Autre',
    notApplicable: 'Sans objet pour notre système',
    evidenceAttached: 'Pièces justificatives jointes :',
    evidenceRequested:
      'Une pièce justificative est demandée pour cette réponse. Utilisez le formulaire de téléversement sous les questions.',
    fileSize: '{bytes} octets',
    remove: 'Retirer {file}',
    answerRequired: '« {title} » : une réponse est obligatoire.',
    notApplicableRefused: '« {title} » : « Sans objet » n’est pas accepté pour cette question.',
  },
  autosave: {
    saving: 'Enregistrement…',
    saved: 'Toutes les modifications ont été enregistrées à {time}.',
    conflict:
      'Non enregistré : ces réponses ont été modifiées dans un autre onglet ou sur un autre appareil. Rechargez la page pour voir les dernières réponses, puis refaites votre modification.',
    invalid: 'Non enregistré : {messages}',
    failed: 'Non enregistré ({reason}). Utilisez le bouton Enregistrer pour réessayer.',
    offline:
      'Non enregistré : la connexion a été perdue. Vos modifications sont toujours sur cette page ; utilisez le bouton Enregistrer une fois la connexion rétablie.',
  },
  receipt: {
    title: 'Accusé de réception',
    received: 'Votre réponse à {case} a bien été reçue.',
    provider: 'Fournisseur',
    submitted: 'Soumise le',
    fingerprint: 'Empreinte (SHA-256 de la version du questionnaire, de vos réponses et de vos pièces justificatives)',
    evidenceCaption: 'Pièces justificatives incluses',
    fileHeading: 'Fichier',
    questionHeading: 'Question',
    mailed:
      'Une copie de cet accusé de réception a été envoyée à vos adresses de contact. Conservez-la : l’empreinte prouve exactement ce que vous avez soumis.',
    backToOverview: 'Retour à la vue d’ensemble',
  },
};
