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
    submitted:
      'Votre réponse a été soumise. Ses réponses et justificatifs sont désormais figés ; cet accusé de réception a aussi été envoyé par e-mail à vos adresses de contact.',
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
    offlineWorkbook:
      'Télécharger le questionnaire en tableur pour préparer vos réponses hors ligne ; saisissez-les ensuite ici.',
    clarificationsTitle: 'Clarifications',
    clarificationsIntro:
      'Réponses aux questions des fournisseurs, publiées à tous les fournisseurs invités sans indiquer qui a posé la question.',
    publishedOn: 'Publiée le {date}',
    noClarifications: 'Aucune clarification n’a encore été publiée.',
    methodHash:
      'Empreinte (SHA-256) de la méthode d’évaluation publiée : {hash}. Le dossier d’évaluation signé contient la méthode appliquée ; chacun peut vérifier que son empreinte est celle-ci.',
    amendmentsTitle: 'Modifications de la méthode d’évaluation',
    amendmentsIntro:
      'Changements des pondérations publiées avant la date limite de réponse, envoyés à tous les fournisseurs invités.',
    amendmentHeading: 'Modification n° {number}, publiée le {date}',
    amendmentReason: 'Motif : {reason}',
    amendmentExtended: 'La date limite de réponse a été reportée au {date}.',
    amendmentCaption: 'Pondérations modifiées par la modification n° {number}',
    amendmentBefore: 'Avant',
    amendmentAfter: 'Après',
    noAmendments: 'La méthode d’évaluation n’a pas été modifiée.',
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
    closedOn: 'La période de réponse s’est terminée le {date}.',
    confirmTitle: 'Soumettre votre réponse ?',
    confirmIntro: 'Vous êtes sur le point de soumettre la réponse de {organisation} à « {case} ».',
    confirmIrreversible:
      'Une fois soumises, vos réponses et vos justificatifs sont figés et ne peuvent plus être modifiés.',
    confirmSummary: 'Vous avez répondu à {answered} questions sur {total} et joint {files} justificatifs.',
    confirmButton: 'Oui, soumettre la réponse',
    confirmCancel: 'Non, revenir à mes réponses',
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
    uploadRetrying: 'Pas encore téléversé : nouvel essai dans {seconds} s. Le fichier reste sélectionné.',
  },
  method: {
    title: 'Comment votre réponse est notée',
    intro:
      'La méthode complète, publiée avant les réponses : ce que vaut chaque question dans le total (points sur 100) et les règles appliquées à tous les fournisseurs de la même façon. Les points de chaque choix et tous les seuils figurent dans les sections du questionnaire.',
    criterionCaption: '{criterion} : {weight} % de l’attribution, {points} points répartis sur ses questions',
    question: 'Question',
    principle: 'Principe instrumental',
    points: 'Points sur 100',
    total: 'Toutes les questions ensemble : {total} points.',
    rulesTitle: 'Les règles',
    ruleWeights:
      'Chaque question vaut poids du principe × poids de la question unités ; les points d’un critère sont répartis entre ses questions en proportion de leurs unités, de sorte que les points de chaque question sont publiés ci-dessus et totalisent 100.',
    ruleNa:
      '« Sans objet » n’est accepté que là où le questionnaire le propose. Une question répondue « sans objet » sort du score : ses points sont répartis, en proportion, entre les autres questions de son critère. Une ligne de tableau « sans objet », là où c’est proposé, sort de la moyenne du tableau.',
    ruleBlank:
      'Une question laissée vide vaut 0, comme la pire réponse, qu’elle soit obligatoire ou facultative : laisser une question vide ne rapporte jamais plus que d’y répondre.',
    ruleTables:
      'Un tableau vaut la moyenne de toutes ses lignes ; une ligne omise vaut 0. Un tableau incomplet ne peut pas être soumis.',
    ruleEvidence:
      'Une affirmation qui demande une preuve ne rapporte ses points que si la preuve est jointe et que le comité d’évaluation confirme qu’elle l’étaye ; d’ici là, et si le comité estime que non, elle vaut 0, comme la pire réponse. Une preuve ne fait jamais baisser une note.',
    ruleAccuracy:
      'L’exactitude est demandée sous forme de comptages (VP, FP, VN, FN) à un seuil de fonctionnement indiqué, sur un jeu de test nommé. Probity calcule le taux de faux positifs FP / (FP + VN), le taux de faux négatifs FN / (FN + VP), la précision et le taux de base de la même façon pour chaque fournisseur et note les taux selon les seuils publiés ; les chiffres mesurés sur un autre jeu de test, à un autre seuil ou avec un taux de base très différent sont signalés comme non comparables.',
    ruleJudgement:
      'Les questions qui demandent un jugement sont notées par le comité d’évaluation sur l’échelle publiée de 0 à 4 ; 4 vaut 100 points.',
    ruleKnockouts: 'Une réponse qui remplit une règle d’exclusion n’est pas classée.',
    ruleRedFlags:
      'Les signaux d’alerte sont des risques pour le contrat, pas des critères d’attribution : ils ne changent jamais une note ni un classement.',
  },
  model: {
    title: 'Comment votre réponse est notée : le modèle de notation propre au questionnaire',
    intro:
      'Ce questionnaire apporte son propre modèle de notation, publié avec l’appel d’offres avant toute réponse. L’évaluation applique exactement ce modèle à chaque fournisseur : les points de chaque réponse, les totaux des groupes, les valeurs calculées à partir d’eux, les niveaux et le classement ci-dessous.',
    riskier: 'Une valeur plus élevée signifie un risque plus élevé : plus le résultat est bas, mieux c’est.',
    better: 'Une valeur plus élevée est meilleure.',
    groupCaption: '{group} : les points de chaque réponse ({questions} questions)',
    maximumAll:
      'Le total du groupe est la somme des points de ses questions. Son maximum est de {maximum} points : chaque question du groupe y compte, qu’elle vous soit affichée ou non.',
    maximumVisible:
      'Le total du groupe est la somme des points de ses questions. Son maximum ne compte que les questions qui vous sont affichées (au plus {maximum} points) : une question masquée par vos réponses n’y compte pas.',
    groupRiskier: 'Dans ce groupe, plus de points signifie plus de risque.',
    groupBetter: 'Dans ce groupe, plus de points est meilleur (par exemple, des mesures qui réduisent le risque).',
    question: 'Question',
    answer: 'Réponse',
    points: 'Points',
    weighted: 'Points × {weight} (poids de la question)',
    multiple: 'Chaque réponse choisie ajoute ses points.',
    perRow: 'Chaque ligne ajoute les points de la colonne choisie.',
    ratingNumber: 'Le nombre choisi, de {lowest} à {highest}, donne les points.',
    rangeBelow: 'moins de {to}',
    rangeFrom: '{from} ou plus',
    rangeBetween: 'de {from} à moins de {to}',
    blank:
      'Une question qui vous est affichée et laissée sans réponse compte comme sa pire réponse : le plus de points de risque, ou le moins de points là où plus est meilleur. Une question masquée par vos réponses ne rapporte aucun point. « Sans objet », là où il est proposé, retire la question du total et du maximum de son groupe.',
    valuesTitle: 'Valeurs calculées à partir des totaux',
    valuesIntro:
      'Calculées dans cet ordre, avec les formules du langage d’expressions de SurveyJS : iif(condition, a, b) donne a si la condition est remplie, b sinon.',
    valueHeading: 'Valeur',
    formulaHeading: 'Formule',
    maximumHeading: 'Son maximum',
    variablesTitle: 'Noms utilisés dans les formules',
    variableValue: 'le total de « {title} »',
    variableMaximum: 'le maximum de « {title} »',
    variableDerived: 'la valeur de « {title} »',
    levelsTitle: 'Niveaux',
    levelsPercent: 'Le niveau est fixé par « {value} » en pourcentage de son maximum.',
    levelsPoints: 'Le niveau est fixé par « {value} » en points.',
    levelHeading: 'Niveau',
    rangePercent: 'Plage (% du maximum)',
    rangePoints: 'Plage (points)',
    outcomeHeading: 'Résultat',
    passes: 'Retenue',
    fails: 'Non retenue',
    rankingTitle: 'Classement',
    rankByValueLowest:
      'Les réponses sont classées par « {value} », la plus basse en premier ; des valeurs égales partagent un rang.',
    rankByValueHighest:
      'Les réponses sont classées par « {value} », la plus élevée en premier ; des valeurs égales partagent un rang.',
    rankByLevelLowest:
      'Les réponses sont classées par niveau, le plus bas en premier ; les réponses de même niveau partagent un rang.',
    rankByLevelHighest:
      'Les réponses sont classées par niveau, le plus élevé en premier ; les réponses de même niveau partagent un rang.',
    rankNone: 'Les réponses ne sont pas classées : chacune est retenue ou non selon son niveau.',
    knockoutsTitle: 'Règles d’exclusion (éliminatoires)',
    knockoutsIntro: 'Une réponse qui remplit l’une de ces règles n’est pas classée, quels que soient ses points :',
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
    evidenceRequested: 'Un justificatif est demandé pour cette réponse. Téléversez-le juste en dessous.',
    markingGuideTitle: 'Comment le jury note cette réponse (0 à 4 ; 1 et 3 se situent entre les niveaux décrits)',
    evidenceRule:
      'Une réponse exigeant un justificatif ne rapporte ses points que si le justificatif est joint et que le jury d’évaluation confirme qu’il étaye la réponse.',
    fileSize: '{bytes} octets',
    remove: 'Retirer {file}',
    answerRequired: '« {title} » : une réponse est obligatoire.',
    notApplicableRefused: '« {title} » : « Sans objet » n’est pas accepté pour cette question.',
    tableIncomplete: '« {title} » : répondez à chaque ligne du tableau (manquantes : {rows}).',
    knockoutTitle: 'Critère d’exclusion : une réponse qui le remplit n’est pas classée.',
    disabled: 'Cette question ne peut pas être modifiée pour le moment : elle dépend de vos autres réponses.',
  },
  autosave: {
    saving: 'Enregistrement…',
    saved: 'Toutes les modifications ont été enregistrées à {time}.',
    savedSecondsAgo: 'Enregistré il y a {seconds} s',
    savedMinutesAgo: 'Enregistré il y a {minutes} min',
    conflict:
      'Non enregistré : ces réponses ont été modifiées dans un autre onglet ou sur un autre appareil. Vos modifications sont conservées dans ce navigateur. Rechargez la page : elles seront remises dans le formulaire pour que vous les vérifiiez et les enregistriez.',
    invalid: 'Non enregistré : {messages}',
    failed:
      'Non enregistré ({reason}). Vos modifications sont conservées dans ce navigateur ; nouvel essai dans {seconds} s.',
    offline:
      'Non enregistré : pas de connexion. Vos modifications sont conservées dans ce navigateur et seront enregistrées dès le retour de la connexion.',
    intro: 'Les réponses sont enregistrées automatiquement pendant la saisie.',
    notSaved: 'Non enregistré ({reason}). Vos modifications sont conservées dans ce navigateur.',
    restored: 'Vos modifications non enregistrées de {time} ont été remises dans le formulaire.',
    restoredCheck:
      'Vos modifications non enregistrées de {time} ont été remises dans le formulaire, mais les réponses enregistrées ont changé entre-temps (dans un autre onglet ou sur un autre appareil). Vérifiez-les, puis appuyez sur Enregistrer.',
  },
  scope: {
    title: 'Champ d’application du règlement sur l’IA fixé par l’autorité',
    intro:
      'L’autorité a classé l’utilisation prévue au regard du règlement européen sur l’IA comme suit. Cette classification détermine les questions applicables, les mêmes pour chaque fournisseur ; vos réponses ne peuvent pas la modifier. Si vous l’estimez erronée, posez une question de clarification : la réponse est publiée à tous les fournisseurs invités.',
    notHighRisk: 'Pas à haut risque : aucun point de l’annexe III du règlement sur l’IA ne s’applique.',
    annex1a: 'Annexe III, point 1 a) : identification biométrique à distance',
    annex1b: 'Annexe III, point 1 b) : catégorisation biométrique selon des attributs sensibles ou protégés',
    annex1c: 'Annexe III, point 1 c) : reconnaissance des émotions',
    annex6a: 'Annexe III, point 6 a) : risque qu’une personne devienne victime d’infractions',
    annex6b: 'Annexe III, point 6 b) : polygraphes et outils similaires',
    annex6c: 'Annexe III, point 6 c) : fiabilité des preuves',
    annex6d:
      'Annexe III, point 6 d) : risque d’infraction ou de récidive, traits de personnalité ou comportement criminel passé',
    annex6e: 'Annexe III, point 6 e) : profilage lors de la détection, de l’enquête ou de la poursuite d’infractions',
    annex7: 'Annexe III, point 7 : migration, asile et contrôle aux frontières',
    annex8: 'Annexe III, point 8 : administration de la justice et processus démocratiques',
    rbiPost: 'Identification biométrique à distance a posteriori, sur des enregistrements.',
    rbiRealTime: 'Identification biométrique à distance en temps réel.',
    personalData: 'Le système traite des données à caractère personnel.',
    noPersonalData: 'Le système ne traite pas de données à caractère personnel.',
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
    answersTitle: 'Vos réponses',
    notAnswered: 'Sans réponse',
  },
};
