import type { BankTranslation } from './bank-translation';

/**
 * French texts of the built-in bank. Legal terms follow the French version of Regulation (EU) 2024/1689
 * (fournisseur, déployeur, système d’IA à haut risque, contrôle humain, notice d’utilisation,
 * analyse d’impact sur les droits fondamentaux); article references stay as in English.
 */
export const FR: BankTranslation = {
  questionnaires: {
    'Responsible-AI due diligence for law-enforcement AI systems': {
      title: 'Diligence raisonnable en matière d’IA responsable pour les systèmes d’IA des services répressifs',
      description:
        'Questions aux fournisseurs de systèmes d’IA destinés aux services répressifs, organisées selon les principes de la boîte à outils INTERPOL–UNICRI pour une innovation responsable en matière d’IA dans les services répressifs et les exigences du règlement européen sur l’IA applicables aux systèmes à haut risque.',
    },
    'Responsible-AI due diligence (light) for lower-risk AI systems': {
      title:
        'Diligence raisonnable en matière d’IA responsable (version allégée) pour les systèmes d’IA à moindre risque',
      description:
        'Un questionnaire plus court pour les systèmes d’IA qui ne figurent pas sur la liste des systèmes à haut risque du règlement sur l’IA, centré sur la documentation, la transparence, le contrôle humain, l’exactitude et les droits sur les données.',
    },
  },
  pages: {
    lawfulness: { title: 'Licéité : légitimité, nécessité et proportionnalité' },
    'prohibited-practices': {
      title: 'Pratiques d’IA interdites (AI Act Art. 5)',
      description:
        'Chaque fournisseur répond à cette déclaration. Ces réponses ne sont pas notées : une pratique interdite exclut l’offre.',
    },
    harm: { title: 'Réduction des préjudices : bien-être, robustesse et sécurité, exactitude, efficacité' },
    autonomy: {
      title: 'Autonomie humaine : libre arbitre, contrôle humain, vie privée, transparence et explicabilité',
    },
    fairness: { title: 'Équité : non-discrimination, diversité et accessibilité, groupes vulnérables, recours' },
    governance: { title: 'Bonne gouvernance : responsabilité, traçabilité et auditabilité' },
    biometric: { title: 'Identification biométrique à distance' },
    'risk-assessment': { title: 'Évaluation des risques concernant des personnes' },
  },
  units: { years: 'ans', months: 'mois' },
  sharedChoices: {
    No: 'Non',
    Yes: 'Oui',
    Partly: 'En partie',
    None: 'Aucun',
    'None of these': 'Aucune de ces mesures',
    'Best efforts': 'Au mieux de nos possibilités, sans engagement',
    'Yes, committed in the contract': 'Oui, avec un engagement contractuel',
  },
  questions: {
    law_prohibited_uses: {
      title: 'Votre notice d’utilisation indique-t-elle les utilisations auxquelles le système ne doit pas servir ?',
      description:
        'Par exemple des utilisations hors de la destination prévue, des populations sur lesquelles il n’a pas été testé, ou des décisions qu’il ne doit pas prendre seul.',
      choices: {
        fully: 'Oui, énumérées et motivées',
        partly: 'Certaines limites sont mentionnées',
      },
    },
    law_misuse: {
      title:
        'Quelle mauvaise utilisation raisonnablement prévisible du système identifiez-vous, et comment le produit l’empêche-t-il ?',
      description:
        'Pensez au détournement de finalité, à l’utilisation sur des images obtenues illégalement ou à des recherches effectuées sans référence de dossier.',
    },
    law_ai_act_role: {
      title: 'Comment avez-vous classé le système au regard du règlement européen sur l’IA ?',
      description:
        'Indiquez votre conclusion et si elle est documentée. L’exception de l’Art. 6(3) n’est pas proposée lorsque le périmètre défini par le service inclut le profilage : un système qui effectue le profilage de personnes est toujours considéré comme à haut risque.',
      choices: {
        'high-risk': 'Système d’IA à haut risque (Annex III), et nous respectons les exigences applicables',
        derogation: 'Pas à haut risque en vertu de l’exception de l’Art. 6(3), avec une évaluation documentée',
        'not-assessed': 'Nous ne l’avons pas évalué',
      },
    },
    law_conformity: {
      title: 'Où en est l’évaluation de la conformité du système ?',
      description:
        'Un système d’IA à haut risque doit avoir fait l’objet d’une évaluation de la conformité achevée et d’une déclaration UE de conformité avant son utilisation.',
      choices: {
        completed: 'Achevée, déclaration UE de conformité établie',
        'in-progress': 'En cours, avec une date d’achèvement prévue',
        'not-started': 'Non commencée',
      },
    },
    law_conformity_date: {
      title: 'Quand l’évaluation de la conformité sera-t-elle achevée ?',
      description: 'La date à laquelle vous vous engagez dans le contrat.',
    },
    law_eu_database: {
      title: 'Le système est-il enregistré dans la base de données de l’UE relative aux systèmes d’IA à haut risque ?',
      description:
        'Pour les utilisations à des fins répressives, l’enregistrement figure dans la section sécurisée non publique. Le service ne peut pas utiliser un système à haut risque non enregistré ; à défaut d’enregistrement, le contrat en fait une condition préalable à l’utilisation.',
    },
    law_function_switches: {
      title: 'Le service peut-il désactiver les fonctions et les catégories de données dont il n’a pas besoin ?',
      description:
        'Minimisation des données par paramétrage, par exemple la désactivation de la recherche faciale tout en conservant la détection d’objets.',
      choices: {
        fully: 'Oui, chaque fonction et chaque catégorie de données séparément',
        partly: 'Certaines fonctions peuvent être désactivées',
      },
    },
    law_proportionality_controls: {
      title: 'Quelles garanties le service peut-il paramétrer pour que chaque utilisation reste proportionnée ?',
      description:
        'Cochez chaque contrôle que le produit applique, et non ceux qui figurent seulement dans des documents.',
      choices: {
        'case-reference': 'Chaque utilisation doit mentionner une référence de dossier ou d’autorisation',
        'time-limits': 'Limites de durée des recherches et de conservation des résultats',
        'scope-limits': 'Limites de la zone, des caméras ou des sources de données interrogées',
        'watchlist-limits':
          'Limites quant aux personnes pouvant être ajoutées aux listes de surveillance ou aux ensembles de référence',
      },
    },
    art5_declaration: {
      title:
        'Déclarez-vous que le système, tel qu’il est proposé et tel qu’il peut être paramétré, ne relève d’aucune des pratiques interdites par l’Art. 5(1) du règlement sur l’IA, et que vous informerez sans délai le service si une modification devait le faire entrer dans le champ de l’Art. 5 ?',
      description:
        'Les questions ci-dessous portent sur les pratiques les plus pertinentes pour les services répressifs ; la présente déclaration les couvre toutes.',
    },
    art5_social_scoring: {
      title:
        'Le système évalue-t-il ou classe-t-il des personnes au fil du temps en fonction de leur comportement social ou de leurs caractéristiques personnelles, en leur attribuant une note conduisant à un traitement préjudiciable dans des contextes sans rapport ou disproportionné par rapport à ce comportement ?',
      description: 'La notation sociale est une pratique interdite.',
    },
    rp_profiling_only: {
      title:
        'Le système prédit-il qu’une personne commettra une infraction uniquement sur la base d’un profilage ou de traits de personnalité ?',
      description:
        'De telles prédictions sont interdites, sauf si elles viennent étayer une évaluation humaine fondée sur des faits objectifs et vérifiables, directement liés à une activité criminelle.',
    },
    fair_scraped_data: {
      title:
        'Le système crée-t-il ou développe-t-il une base de données de reconnaissance faciale par le moissonnage non ciblé d’images faciales provenant de l’internet ou de la vidéosurveillance, ou s’appuie-t-il sur une base constituée de cette manière ?',
      description:
        'Seule cette pratique est interdite ; les autres données d’entraînement sont traitées à la question sur la provenance des données.',
    },
    rbi_sensitive_categorisation: {
      title:
        'Le système catégorise-t-il individuellement des personnes sur la base de leurs données biométriques afin d’arriver à des déductions ou des inférences concernant leur race, leurs opinions politiques, leur affiliation à une organisation syndicale, leurs convictions religieuses ou philosophiques, leur vie sexuelle ou leur orientation sexuelle ?',
      description:
        'Pratique interdite. Ne sont pas visés l’étiquetage ou le filtrage d’ensembles de données biométriques acquis légalement, tels que des images, y compris la catégorisation de données biométriques dans le domaine répressif.',
    },
    rbi_emotion_categorisation: {
      title:
        'Le produit comprend-il la reconnaissance des émotions, ou catégorise-t-il des personnes selon des attributs sensibles ou protégés déduits de données biométriques ?',
      description:
        'Dans le domaine répressif, il s’agit d’utilisations à haut risque (Annex III 1(b), 1(c), 6(b)), non de pratiques interdites : l’Art. 5(1)(f) n’interdit la reconnaissance des émotions que sur le lieu de travail et dans les établissements d’enseignement. La politique du service à leur égard est publiée sous la forme d’un critère éliminatoire intitulé « politique du service ».',
    },
    harm_risk_management: {
      title: 'Appliquez-vous un processus documenté de gestion des risques tout au long du cycle de vie du système ?',
      description:
        'Identifier les risques pour la santé, la sécurité et les droits fondamentaux, arrêter des mesures et les tester au regard de seuils définis à l’avance.',
      choices: {
        fully: 'Oui, documenté et répété à chaque version',
        partly: 'En partie, ou seulement avant la première mise en service',
      },
    },
    harm_risk_register: {
      title: 'Téléversez votre registre des risques ou une synthèse de la gestion des risques pour ce système',
      description: 'Une synthèse suffit si le registre complet est confidentiel ; indiquez-le dans le fichier.',
    },
    harm_security_testing: {
      title: 'Quand le système a-t-il fait l’objet de son dernier test d’intrusion, et par qui ?',
      description: 'Tests du produit tel que déployé, y compris ses interfaces et son hébergement.',
      choices: {
        'independent-12m': 'Test indépendant au cours des 12 derniers mois, rapport disponible',
        internal: 'Tests internes uniquement',
        none: 'Aucun test d’intrusion',
      },
    },
    harm_ai_attacks: {
      title: 'Contre quelles attaques propres à l’IA le système est-il protégé ?',
      description: 'Cochez celles pour lesquelles les protections ont été testées.',
      choices: {
        'data-poisoning': 'Empoisonnement des données d’entraînement',
        'model-poisoning': 'Altération du modèle',
        'adversarial-inputs': 'Exemples contradictoires (par exemple des motifs qui trompent la détection)',
        confidentiality: 'Attaques visant à extraire les données d’entraînement ou le modèle',
      },
    },
    harm_fail_safe: {
      title: 'Que fait le système lorsque la qualité des données d’entrée est insuffisante ou qu’il est incertain ?',
      description:
        'Par exemple une vidéo floue, des visages partiellement visibles ou des données différentes de ses données d’entraînement.',
      choices: {
        abstains: 'Il s’abstient et en indique la raison à l’opérateur',
        flags: 'Il produit une sortie signalée comme de faible confiance',
        always: 'Il produit toujours une sortie',
      },
    },
    harm_incidents: {
      title: 'Comment signalerez-vous au service les incidents graves et les dysfonctionnements ?',
      description:
        'Un incident grave doit être notifié à l’autorité de surveillance du marché dans un délai de 15 jours, plus tôt dans les cas les plus graves.',
      choices: {
        'contract-72h': 'Au service dans un délai de 72 heures, selon une procédure documentée',
        procedure: 'Procédure documentée, sans délai garanti',
        none: 'Aucune procédure',
      },
    },
    acc_metrics_declared: {
      title: 'Votre notice d’utilisation indique-t-elle les indicateurs d’exactitude et leurs niveaux attendus ?',
      description:
        'Des indicateurs tels que les taux de fausses correspondances et de fausses non-correspondances au seuil de fonctionnement par défaut.',
      choices: {
        fully: 'Oui, avec les niveaux et les conditions d’essai',
        partly: 'Certains indicateurs, sans niveaux ni conditions',
      },
    },
    acc_threshold: {
      title: 'Seuil de fonctionnement auquel les comptages ci-dessous ont été mesurés',
      description: 'Le seuil par défaut du système livré, par exemple un score de correspondance de 0,82.',
    },
    acc_test_set: {
      title: 'Nom et version du jeu de test',
      description:
        'Le jeu de test dont proviennent les comptages ; décrivez-le dans le rapport d’évaluation de l’exactitude.',
    },
    acc_tp: {
      title: 'Vrais positifs (VP)',
      description: 'Cas signalés par le système qui étaient de vraies correspondances ou de vrais événements.',
    },
    acc_fpr: {
      title: 'Faux positifs (FP)',
      description:
        'Cas signalés par le système qui n’étaient pas de vraies correspondances ni de vrais événements. Probity calcule le taux de faux positifs FP / (FP + VN) à partir de vos comptages et le note selon les seuils publiés.',
    },
    acc_tn: {
      title: 'Vrais négatifs (VN)',
      description: 'Cas que le système n’a pas signalés, à juste titre.',
    },
    acc_fnr: {
      title: 'Faux négatifs (FN)',
      description:
        'Vraies correspondances ou vrais événements que le système n’a pas détectés. Probity calcule le taux de faux négatifs FN / (FN + VP) et le note selon les seuils publiés.',
    },
    acc_test_conditions: {
      title: 'Dans quelle mesure les essais d’exactitude étaient-ils proches de l’utilisation réelle ?',
      description:
        'Les essais doivent refléter le cadre géographique, comportemental et fonctionnel dans lequel le service utilisera le système.',
      choices: {
        'independent-field': 'Essai indépendant en conditions opérationnelles',
        'representative-lab': 'Notre propre essai sur des données représentatives du déploiement',
        'vendor-benchmark': 'Banc d’essai public ou du fabricant uniquement',
        none: 'Aucun essai d’exactitude',
      },
    },
    acc_test_report: {
      title: 'Téléversez le rapport d’évaluation de l’exactitude',
      description: 'Y compris le protocole d’essai et une description du jeu de test.',
    },
    acc_drift: {
      title: 'Le système surveille-t-il son exactitude en production et alerte-t-il en cas de dérive ?',
      description:
        'Les performances peuvent se dégrader lorsque les caméras, les populations ou les comportements changent, et un système qui continue d’apprendre peut réinjecter ses propres sorties biaisées dans ses données d’entrée (boucles de rétroaction).',
      choices: {
        fully: 'Oui, avec des alertes adressées au service',
        partly: 'Surveillé par nous, sans communication au service',
      },
    },
    wb_affected_people: {
      title:
        'Avez-vous évalué les effets du système sur les personnes qu’il concerne : suspects, victimes, tiers présents et agents ?',
      description:
        'Y compris le stress, la stigmatisation, les effets dissuasifs et les contacts injustifiés avec la police.',
      choices: {
        fully: 'Oui, documentés pour chaque groupe',
        partly: 'Pour certains groupes',
      },
    },
    wb_environment: {
      title: 'Communiquez-vous la consommation d’énergie et l’empreinte environnementale du système ?',
      description: 'Entraînement et fonctionnement.',
      choices: { measured: 'Oui, mesurées', estimated: 'Estimées' },
    },
    eff_resources: {
      title:
        'Combien le système coûtera-t-il au service sur l’ensemble de son cycle de vie, en argent, en ressources informatiques et en temps de personnel ?',
      description:
        'Licences, matériel, énergie, temps de personnel du service pour l’exploiter et le contrôler, rythme des mises à jour et fin de vie. L’efficacité est le bénéfice obtenu pour ce coût.',
    },
    eff_support_years: {
      title: 'Pendant combien d’années garantissez-vous l’assistance et les mises à jour de sécurité ?',
      description: 'À compter de la date de livraison.',
    },
    eff_benefit_cost: {
      title:
        'Quel bénéfice le système a-t-il apporté, au regard de son coût sur l’ensemble du cycle de vie, dans des déploiements comparables à celui du service ?',
      description:
        'Par exemple les heures d’enquête économisées par affaire ou les affaires élucidées, rapportées aux licences, au matériel, à l’énergie et au temps de personnel nécessaire pour l’exploiter et le contrôler.',
      choices: {
        'measured-independent': 'Mesuré, et confirmé par un client ou par une évaluation indépendante',
        'measured-own': 'Mesuré par nous dans des déploiements comparables',
        claimed: 'Estimé, non mesuré',
        none: 'Nous ne pouvons pas indiquer le bénéfice',
      },
    },
    ho_review_before_action: {
      title: 'Une personne doit-elle examiner chaque sortie avant toute mesure prise à l’égard d’un individu ?',
      description:
        'Par exemple avant un contrôle, une interpellation, une fouille ou une inscription dans un fichier de police.',
      choices: {
        enforced: 'Oui, le produit l’impose',
        recommended: 'Recommandé dans la notice d’utilisation, sans être imposé',
      },
    },
    ho_override: {
      title: 'Les opérateurs peuvent-ils ignorer, remplacer ou infirmer toute sortie ?',
      description: 'Et cette décision est-elle enregistrée ?',
      choices: {
        fully: 'Oui, et la décision est journalisée',
        partly: 'Oui, mais elle n’est pas journalisée',
      },
    },
    ho_stop: {
      title: 'Une personne habilitée peut-elle arrêter le système en toute sécurité à tout moment ?',
      description: 'Un « bouton d’arrêt » qui interrompt le traitement et laisse le système dans un état sûr.',
    },
    ho_two_person: {
      title: 'Le produit permet-il la vérification de chaque identification par deux personnes compétentes ?',
      description:
        'Pour l’identification biométrique à distance, aucune mesure ne peut être fondée sur une correspondance tant que deux personnes compétentes ne l’ont pas vérifiée séparément, sauf si le droit de l’Union ou le droit national prévoit une dérogation à des fins répressives. Répondez pour le produit, quelles que soient les exigences du droit applicable au service.',
    },
    ho_automation_bias: {
      title: 'Quelles mesures aident les opérateurs à résister au biais d’automatisation ?',
      description:
        'Le biais d’automatisation est la tendance à accepter la sortie d’une machine sans l’examiner suffisamment.',
      choices: {
        confidence: 'Niveau de confiance ou d’incertitude affiché avec chaque sortie',
        alternatives: 'Plusieurs possibilités présentées, et non une réponse unique',
        friction: 'Étape de confirmation délibérée, avec une justification',
        training: 'Formation couvrant le biais d’automatisation',
      },
    },
    ho_training: {
      title: 'Quelle formation assurez-vous aux personnes qui exploiteront et contrôleront le système ?',
      description:
        'La compétence, l’autorité et la maîtrise de l’IA des opérateurs relèvent du déployeur ; le fournisseur doit leur en donner les moyens.',
      choices: {
        programme: 'Un programme de formation avec évaluation',
        documentation: 'Documentation et vidéos uniquement',
      },
    },
    ha_support_not_replace: {
      title:
        'Le système est-il conçu pour éclairer les décisions des agents plutôt que pour les prendre à leur place ?',
      description:
        'Aucune décision produisant des effets juridiques ou des effets similaires à l’égard d’une personne ne repose uniquement sur sa sortie.',
    },
    ha_feedback: {
      title: 'Les opérateurs peuvent-ils signaler des sorties erronées afin qu’elles soient examinées et corrigées ?',
      description: 'Un canal de retour des utilisateurs vers vous, avec un suivi.',
    },
    priv_training_on_agency_data: {
      title: 'Utiliserez-vous les données du service pour entraîner ou améliorer vos modèles ?',
      description: 'Y compris les données d’entrée, les sorties, les journaux et les retours des utilisateurs.',
      choices: {
        never: 'Jamais',
        'with-approval': 'Uniquement avec l’accord écrit préalable du service pour chaque utilisation',
        'anonymised-default': 'Données anonymisées, par défaut',
        'yes-default': 'Oui, par défaut',
      },
    },
    priv_retention: {
      title:
        'Le service peut-il paramétrer les durées de conservation et faire supprimer les données selon un calendrier ?',
      description: 'Données d’entrée, sorties, bases de données de référence et sauvegardes.',
      choices: {
        fully: 'Oui, pour chaque catégorie de données, sauvegardes comprises',
        partly: 'Pour certaines catégories de données',
      },
    },
    priv_subprocessors: {
      title: 'Communiquez-vous chaque sous-traitant ultérieur, son rôle et son lieu de traitement ?',
      description: 'Y compris les prestataires d’informatique en nuage, d’assistance et d’annotation.',
      choices: { fully: 'Oui, la liste complète' },
    },
    priv_data_return: {
      title:
        'À la fin du contrat, restituerez-vous les données du service et supprimerez-vous vos copies en le certifiant ?',
      description: 'Cela couvre également les bases de données de référence et toutes les données dérivées.',
      choices: {
        fully: 'Oui, avec un certificat de suppression',
        partly: 'Restitution uniquement, ou suppression sans preuve',
      },
    },
    harm_hosting: {
      title: 'Où les données du service et les sorties du système sont-elles traitées et stockées ?',
      description: 'Incluez les sous-traitants ultérieurs et les accès pour l’assistance.',
      choices: {
        agency: 'Uniquement sur une infrastructure contrôlée par le service',
        eu: 'Dans l’UE/EEE, par nous ou par des sous-traitants ultérieurs déclarés',
        'outside-eu': 'En partie ou en totalité hors de l’UE/EEE',
      },
    },
    priv_special_categories: {
      title:
        'Quelles catégories particulières de données à caractère personnel (telles que les données biométriques ou de santé) le système traite-t-il, et avec quelles garanties ?',
      description: 'Répondez « aucune » s’il n’en traite pas.',
    },
    tx_explanations: {
      title: 'Quelles explications le système fournit-il ?',
      description: 'Globales (son fonctionnement en général) et locales (la raison de cette sortie).',
      choices: {
        global: 'Une description simple du fonctionnement du modèle et de ses limites',
        'per-output': 'Une justification pour chaque sortie individuelle',
        confidence: 'Le niveau de confiance ou d’incertitude de chaque sortie',
        factors: 'Les facteurs qui ont le plus influé sur chaque sortie',
      },
    },
    tx_explain_individual: {
      title:
        'Aiderez-vous le service à expliquer une décision individuelle à la personne concernée ou à une juridiction ?',
      description:
        'Le droit à l’explication des décisions individuelles prises sur la base de la sortie d’un système d’IA à haut risque.',
    },
    tx_technical_documentation: {
      title: 'Le service recevra-t-il la documentation technique et la notice d’utilisation ?',
      description:
        'La documentation technique de l’Annex IV, ou les parties pertinentes pour le déployeur, ainsi qu’une notice d’utilisation complète.',
      choices: { fully: 'Oui, complètes', partly: 'Une synthèse uniquement' },
    },
    tx_system_card: {
      title: 'Téléversez une fiche descriptive du modèle ou du système',
      description: 'Finalité, données, indicateurs, limites et version.',
    },
    tx_ai_interaction_disclosure: {
      title:
        'Si le système dialogue avec des personnes ou génère des images, des sons, des vidéos ou des textes, informe-t-il les personnes qu’elles interagissent avec un système d’IA et marque-t-il les contenus générés comme artificiels dans un format lisible par machine ?',
      description:
        'Obligations de transparence applicables à certains systèmes d’IA ; les systèmes autorisés par la loi à des fins de détection, de prévention, d’enquêtes ou de poursuites concernant des infractions pénales sont exemptés de certaines d’entre elles, sous réserve de garanties.',
      choices: {
        'no-such-function': 'Le système n’interagit pas avec des personnes et ne génère aucun contenu',
        disclosed: 'Oui, information et marquage assurés',
      },
    },
    fair_bias_testing: {
      title: 'Comment avez-vous testé le système pour détecter des biais entre groupes démographiques ?',
      description: 'Des résultats ventilés sont des taux d’erreur communiqués séparément pour chaque groupe.',
      choices: {
        independent: 'Audit indépendant avec résultats ventilés',
        'internal-disaggregated': 'Nos propres tests avec résultats ventilés',
        'aggregate-only': 'Résultats globaux uniquement',
        none: 'Non testé',
      },
    },
    fair_group_results: {
      title: 'Pour chaque groupe, comment le taux d’erreur se compare-t-il au taux global ?',
      description: 'Un « écart » est la différence de taux de faux positifs, en points de pourcentage.',
      rows: {
        women: 'Femmes',
        men: 'Hommes',
        'under-25': 'Personnes de moins de 25 ans',
        'over-60': 'Personnes de plus de 60 ans',
        'darker-skin': 'Carnations foncées',
        'lighter-skin': 'Carnations claires',
      },
      columns: {
        'within-2': 'Testé, écart inférieur ou égal à 2 points',
        'larger-gap': 'Testé, écart plus important',
        'not-tested': 'Non testé',
      },
    },
    fair_bias_report: {
      title: 'Téléversez le rapport d’évaluation des biais',
      description: 'Avec les groupes, les indicateurs et le jeu de données utilisés.',
    },
    fair_mitigation: {
      title: 'Quelles mesures avez-vous prises au sujet des différences constatées entre les groupes ?',
      description:
        'Atténuation portant sur les données, le modèle ou le seuil de fonctionnement, et écart résiduel qui subsiste.',
    },
    fair_representativeness: {
      title: 'Les données d’entraînement sont-elles représentatives de la population que dessert le service ?',
      description: 'Géographie, démographie, caméras ou sources, et comportements.',
      choices: {
        documented: 'Oui, avec une analyse documentée',
        partly: 'En partie, ou sans analyse pour cette population',
        unknown: 'Nous ne le savons pas',
      },
    },
    fair_data_provenance: {
      title:
        'Pouvez-vous documenter la provenance des données d’entraînement, de validation et de test, et la base juridique de leur collecte ?',
      description:
        'Sources, finalité initiale de toute donnée à caractère personnel, processus d’annotation et lacunes connues.',
      choices: {
        documented: 'Oui, entièrement documentée',
        refuse: 'Nous ne communiquerons pas cette information',
      },
    },
    div_accessibility: {
      title: 'L’interface utilisateur respecte-t-elle une norme d’accessibilité (EN 301 549 / WCAG 2.1 AA) ?',
      description: 'Les agents en situation de handicap doivent pouvoir utiliser et contrôler le système.',
      choices: { certified: 'Oui, auditée' },
    },
    div_languages: {
      title:
        'Le système fonctionne-t-il dans les langues de ses opérateurs et, le cas échéant, des personnes qu’il concerne ?',
      description: 'Y compris les explications et les informations fournies.',
    },
    vul_minors: {
      title: 'Comment le système traite-t-il les enfants et les autres personnes vulnérables ?',
      description:
        'La gestion des risques doit examiner si le système est susceptible d’avoir une incidence sur des personnes âgées de moins de 18 ans ou sur d’autres groupes vulnérables : par exemple les personnes handicapées ou souffrant de troubles de santé mentale, les personnes âgées, les personnes qui ne parlent pas la langue, les victimes, les migrants et les personnes sans domicile.',
      choices: {
        'safeguards-tested': 'Garanties spécifiques, testées',
        'documented-limits': 'Limites documentées uniquement',
        'not-considered': 'Question non examinée',
      },
    },
    vul_scores_children: {
      title: 'Le système produit-il des scores de risque concernant des enfants ?',
      description: 'Toute sortie qui évalue une personne âgée de moins de 18 ans.',
    },
    red_contest: {
      title: 'Le service peut-il remettre à une personne les éléments dont elle a besoin pour contester un résultat ?',
      description: 'Données d’entrée, sortie, version, décision de l’opérateur et explication pour le cas concerné.',
      choices: {
        'self-service': 'Oui, exportables par le service',
        'on-request': 'Sur demande adressée à nous',
      },
    },
    red_correction: {
      title:
        'Les données ou sorties erronées peuvent-elles être rectifiées, et la rectification répercutée sur toutes les copies ?',
      description: 'Y compris les bases de données de référence et les résultats partagés.',
    },
    red_fria_cooperation: {
      title:
        'Coopérerez-vous à l’analyse d’impact sur les droits fondamentaux et à l’analyse d’impact relative à la protection des données du service ?',
      description:
        'En fournissant les informations de l’Art. 13, l’analyse des risques et les résultats d’essais sur lesquels le service s’appuie, en répondant aux questions et en participant aux réunions d’examen.',
    },
    fair_special_category_bias: {
      title:
        'Si vous avez traité des catégories particulières de données à caractère personnel (telles que l’origine ethnique ou la santé) pour détecter et corriger des biais, quelles garanties ont été appliquées ?',
      description:
        'Uniquement lorsque c’est strictement nécessaire et que d’autres données ne suffiraient pas ; données pseudonymisées, accès contrôlé, aucune transmission à des tiers, suppression une fois le biais corrigé, motifs consignés.',
      choices: {
        'not-processed': 'Nous n’avons pas traité de catégories particulières de données à caractère personnel',
        'all-safeguards': 'Oui, avec l’ensemble de ces garanties, documentées',
        'some-safeguards': 'Avec certaines de ces garanties',
        'no-safeguards': 'Sans ces garanties',
      },
    },
    vul_other_groups: {
      title:
        'Avez-vous évalué les performances et les effets du système à l’égard des personnes vulnérables autres que les enfants ?',
      description:
        'Par exemple les personnes handicapées ou souffrant de troubles de santé mentale, les personnes âgées, les personnes qui ne parlent pas la langue, les victimes d’infractions, les migrants et les personnes sans domicile.',
      choices: {
        fully: 'Oui, testées avec des résultats par groupe',
        partly: 'Examinées, non testées',
      },
    },
    gov_qms: {
      title: 'Quel système de gestion de la qualité couvre le système ?',
      description:
        'Politiques relatives à la conception, aux essais, aux données, aux risques, à la surveillance après commercialisation et à la notification des incidents.',
      choices: {
        iso42001: 'Certifié ISO/IEC 42001',
        'iso9001-ai': 'Certifié ISO 9001, avec des procédures propres à l’IA',
        documented: 'Documenté, non certifié',
      },
    },
    gov_certificates: {
      title: 'Téléversez les certificats et les synthèses d’audit',
      description: 'Certificats ISO, rapports d’audit ou attestations avec leurs dates de validité.',
    },
    gov_rai_policy: {
      title:
        'Disposez-vous d’une politique d’IA responsable assortie d’un examen interne pouvant bloquer la mise sur le marché d’une version ?',
      description: 'Qui procède à l’examen, avec quels pouvoirs et à quelle fréquence.',
      choices: {
        fully: 'Oui, avec le pouvoir de bloquer une version',
        partly: 'Une politique sans étape d’examen bloquante',
      },
    },
    gov_change_notice: {
      title:
        'Informerez-vous le service avant toute modification importante du modèle, et le service pourra-t-il la refuser ?',
      description:
        'Réentraînement, nouvelles données, changement de seuil ou toute modification susceptible de changer les résultats.',
      choices: {
        'advance-with-veto': 'Préavis avec le droit de refuser ou de tester au préalable',
        after: 'Information après la modification',
        no: 'Aucune information',
      },
    },
    gov_post_market: {
      title: 'Disposez-vous d’un plan de surveillance après commercialisation pour le système ?',
      description: 'Collecte et analyse des données de performance tout au long du cycle de vie du système.',
      choices: { fully: 'Oui, documenté', partly: 'Surveillance informelle' },
    },
    gov_exit: {
      title:
        'Si le contrat prend fin, le service peut-il passer à un autre fournisseur sans perdre ses données, ses résultats ni ses journaux ?',
      description:
        'Formats d’export ouverts, assistance à la réversibilité et aucun enfermement propriétaire des données du service.',
      choices: { fully: 'Oui, avec un plan de réversibilité' },
    },
    gov_indemnity: {
      title:
        'Garantirez-vous le service contre les réclamations découlant de données que vous avez utilisées sans en avoir le droit ?',
      description: 'Par exemple des données d’entraînement collectées illégalement.',
      choices: { negotiable: 'Négociable' },
    },
    gov_staff_training: {
      title:
        'Votre personnel qui développe et assiste le système est-il formé à l’IA responsable et à la protection des données ?',
      description: 'Y compris le personnel d’assistance susceptible d’accéder aux données du service.',
    },
    aud_logging: {
      title: 'Qu’enregistre automatiquement le système ?',
      description:
        'Les événements tout au long du cycle de vie du système, en quantité suffisante pour retracer chaque utilisation et détecter les risques.',
      choices: {
        full: 'Chaque utilisation : qui, quand, données d’entrée, sorties, décisions et version',
        partial: 'Certains événements',
        no: 'Aucune journalisation',
      },
    },
    aud_rbi_log: {
      title:
        'Pour chaque identification biométrique, le journal consigne-t-il les heures de début et de fin, la base de données de référence, les données d’entrée ayant donné lieu à une correspondance et la personne qui a vérifié le résultat ?',
      description: 'Le contenu minimal des journaux pour l’identification biométrique à distance.',
    },
    aud_log_access: {
      title: 'Comment le service obtient-il ses journaux ?',
      description: 'Les déployeurs doivent conserver les journaux sous leur contrôle pendant au moins six mois.',
      choices: {
        export: 'Export direct dans un format ouvert',
        'on-request': 'Sur demande adressée à nous',
        no: 'Aucun accès',
      },
    },
    aud_log_retention: {
      title: 'Pendant combien de temps les journaux sont-ils conservés par défaut ?',
      description: 'En mois.',
    },
    aud_independent_audit: {
      title:
        'Donnerez-vous à des auditeurs indépendants l’accès nécessaire pour tester le système et examiner son modèle, son code, sa documentation d’entraînement et ses journaux ?',
      description:
        'Auditeurs désignés par le service ou par une autorité de contrôle, dans le respect d’obligations de confidentialité.',
      choices: {
        full: 'Oui, y compris un environnement de test',
        limited: 'Accès limité, par exemple aux seuls documents',
      },
    },
    aud_regulator_access: {
      title:
        'Coopérerez-vous, sur demande, avec les autorités de surveillance du marché et de protection des données ?',
      description: 'En leur donnant accès à la documentation, aux journaux et au système.',
    },
    aud_versioning: {
      title: 'Chaque version du modèle est-elle identifiée, avec un journal des modifications lisible par le service ?',
      description: 'Afin que chaque sortie puisse être rattachée à la version exacte qui l’a produite.',
    },
    gov_gpai_upstream: {
      title:
        'Le système repose-t-il sur un modèle d’IA à usage général d’un autre fournisseur, et détenez-vous la documentation de ce fournisseur ainsi qu’un accord écrit sur les informations dont vous avez besoin ?',
      description:
        'Indiquez le modèle et son fournisseur. Les fournisseurs de modèles d’IA à usage général doivent fournir aux fournisseurs en aval les informations nécessaires au respect de leurs obligations.',
      choices: {
        none: 'Aucun modèle d’IA à usage général n’est utilisé',
        documented: 'Oui, avec la documentation du fournisseur du modèle et un accord écrit',
        'documentation-only': 'Oui, avec la documentation mais sans accord écrit',
        undocumented: 'Oui, sans l’une ni l’autre',
      },
    },
    rbi_mode: {
      title: 'Le produit subordonne-t-il chaque identification à une autorisation enregistrée ?',
      description:
        'Le service a défini le mode d’utilisation. L’identification en temps réel dans des espaces accessibles au public est interdite à des fins répressives, sauf pour des objectifs strictement définis et avec une autorisation préalable pour chaque utilisation ; l’identification à distance a posteriori requiert une autorisation préalable ou dans un délai de 48 heures.',
      choices: {
        post: 'Oui : une recherche ne peut pas démarrer sans référence d’autorisation, laquelle est journalisée',
        'realtime-authorised': 'Une référence d’autorisation est enregistrée, mais sans être imposée',
        'realtime-open': 'Aucun contrôle des autorisations',
      },
    },
    rbi_watchlists: {
      title:
        'Qui peut ajouter des personnes aux bases de données de référence ou aux listes de surveillance, et chaque ajout est-il justifié et réexaminé ?',
      description: 'Droits fondés sur les rôles, motif enregistré et réexamen périodique.',
      choices: { fully: 'Oui, imposé par le produit' },
    },
    rbi_threshold: {
      title:
        'Le service peut-il fixer le seuil de correspondance, et l’opérateur voit-il une liste classée de candidats plutôt qu’une correspondance unique ?',
      description: 'Les « résultats positifs » uniques favorisent le biais d’automatisation.',
    },
    rbi_benchmark: {
      title:
        'L’algorithme a-t-il été évalué dans le cadre d’un banc d’essai public indépendant fournissant des résultats démographiques ?',
      description: 'Par exemple NIST FRTE, ou une évaluation indépendante équivalente.',
      choices: { yes: 'Oui, résultats disponibles' },
    },
    rp_factors: {
      title: 'Le service reçoit-il la liste complète des facteurs utilisés par l’évaluation et de leur pondération ?',
      description: 'Nécessaire pour vérifier qu’aucun facteur ne se substitue à une caractéristique protégée.',
    },
    rp_local_validation: {
      title: 'L’évaluation a-t-elle été validée sur la population auprès de laquelle elle sera utilisée ?',
      description:
        'Les outils d’évaluation des risques étalonnés ailleurs évaluent souvent mal les populations locales.',
      choices: { yes: 'Oui, validée localement', planned: 'Prévue avant la mise en service' },
    },
    rp_proxies: {
      title:
        'Avez-vous vérifié si les données d’entrée comportent des variables indirectes de caractéristiques protégées, comme le code postal ou le réseau social ?',
      description: 'Et supprimé ou encadré celles qui jouent ce rôle.',
      choices: { fully: 'Oui, vérifiées et atténuées', partly: 'Vérifiées, non atténuées' },
    },
  },
  rules: {
    'ko-no-audit-access': {
      title: 'Refuse l’accès d’un auditeur indépendant',
      explanation: 'Un service ne peut ni contrôler ni défendre un système qu’il ne peut pas faire auditer.',
    },
    'ko-no-human-review': {
      title: 'Aucun examen humain avant une mesure',
      explanation:
        'Des sorties peuvent conduire à une mesure à l’égard d’une personne sans que personne ne les vérifie. Les décisions produisant des effets défavorables ne peuvent pas être fondées exclusivement sur un traitement automatisé (Directive (EU) 2016/680 Art. 11 ; pour l’identification biométrique à distance a posteriori, également AI Act Art. 26(10)).',
    },
    'ko-no-override': {
      title: 'Les sorties ne peuvent pas être infirmées',
      explanation: 'Le contrôle humain exige que les opérateurs puissent ignorer ou infirmer les sorties.',
    },
    'ko-provenance-refused': {
      title: 'Refuse de communiquer la provenance des données',
      explanation: 'Sans connaître l’origine des données, il est impossible d’apprécier la licéité et les biais.',
    },
    'ko-scraped-faces': {
      title: 'Base de données de reconnaissance faciale constituée ou développée par moissonnage non ciblé',
      explanation:
        'La création ou le développement de bases de données de reconnaissance faciale par le moissonnage non ciblé d’images faciales provenant de l’internet ou de la vidéosurveillance est une pratique interdite.',
    },
    'ko-emotion-categorisation': {
      title: 'Politique du service : pas de reconnaissance des émotions ni de catégorisation biométrique',
      explanation:
        'Il ne s’agit pas d’une interdiction légale : dans le domaine répressif, ces fonctions sont des utilisations à haut risque (Annex III 1(b), 1(c), 6(b)), et l’Art. 5(1)(f) n’interdit la reconnaissance des émotions que sur le lieu de travail et dans les établissements d’enseignement. Le service les exclut au titre de sa propre politique ; un service qui ne souhaite pas cette exclusion retire la règle de son questionnaire.',
    },
    'ko-profiling-only': {
      title: 'Prédit des infractions sur la seule base d’un profilage',
      explanation: 'Pratique interdite, sauf si elle étaye une évaluation humaine fondée sur des faits objectifs.',
    },
    'ko-realtime-uncontrolled': {
      title: 'Identification en temps réel sans contrôle des autorisations',
      explanation:
        'L’identification biométrique à distance en temps réel requiert une autorisation préalable dans chaque cas.',
    },
    'ko-no-logging': {
      title: 'Système à haut risque sans enregistrement automatique des journaux',
      explanation: 'L’enregistrement est obligatoire pour les systèmes d’IA à haut risque.',
    },
    'ko-not-classified': {
      title: 'Classification au titre du règlement sur l’IA non évaluée pour une utilisation à haut risque',
      explanation:
        'Le fournisseur n’a pas évalué une utilisation que le règlement sur l’IA classe parmi les utilisations à haut risque.',
    },
    'ko-no-art5-declaration': {
      title: 'Aucune déclaration attestant que le système ne relève d’aucune pratique interdite',
      explanation:
        'Le service ne peut pas acquérir un système qui relève d’une pratique interdite par l’Art. 5 du règlement sur l’IA.',
    },
    'ko-social-scoring': {
      title: 'Notation sociale',
      explanation:
        'La notation de personnes en fonction de leur comportement social ou de leurs caractéristiques personnelles, à leur détriment, est interdite.',
    },
    'ko-sensitive-categorisation': {
      title: 'Catégorisation biométrique selon la race, les opinions, les convictions ou l’orientation sexuelle',
      explanation:
        'Catégoriser individuellement des personnes sur la base de leurs données biométriques pour en déduire ces caractéristiques est interdit ; l’étiquetage ou le filtrage d’ensembles de données biométriques acquis légalement ne l’est pas.',
    },
    'ko-trains-on-agency-data': {
      title: 'Entraînement sur les données du service par défaut',
      explanation:
        'Des données des services répressifs seraient réutilisées pour les propres modèles du fournisseur sans l’accord du service, en dehors de la finalité pour laquelle elles ont été collectées.',
    },
    'ko-no-stop': {
      title: 'Le système ne peut pas être arrêté',
      explanation:
        'Le contrôle humain exige qu’une personne puisse interrompre le système et l’arrêter dans un état sûr.',
    },
    'rf-no-disaggregated-results': {
      title: 'Aucun résultat d’exactitude ventilé',
      explanation: 'Les taux d’erreur ne sont pas communiqués par groupe démographique.',
    },
    'rf-high-false-positives': {
      title: 'Taux de faux positifs égal ou supérieur à 5 %',
      explanation: 'De nombreuses personnes seraient signalées à tort au seuil par défaut.',
    },
    'rf-benchmark-only': {
      title: 'Exactitude non testée dans des conditions réalistes',
      explanation: 'Uniquement des bancs d’essai publics ou du fabricant, ou aucun essai.',
    },
    'rf-trains-on-agency-data': {
      title: 'Entraînement sur des données anonymisées du service par défaut',
      explanation:
        'Des données anonymisées du service seraient réutilisées pour les modèles du fournisseur sans accord au cas par cas.',
    },
    'rf-outside-eu': {
      title: 'Traitement hors de l’UE/EEE',
      explanation:
        'Les données du service quittent l’UE/EEE, alors que les transferts de données à des fins répressives exigent une décision d’adéquation ou des garanties appropriées. La politique du service peut en faire un critère éliminatoire.',
    },
    'rf-no-pentest': {
      title: 'Aucun test d’intrusion',
      explanation: 'Aucun test de sécurité du produit tel que déployé.',
    },
    'rf-short-log-retention': {
      title: 'Journaux conservés moins de six mois',
      explanation: 'Les déployeurs doivent conserver les journaux pendant au moins six mois.',
    },
    'rf-no-change-notice': {
      title: 'Aucune information sur les modifications du modèle',
      explanation: 'Le modèle pourrait changer à l’insu du service, sans avertissement.',
    },
    'rf-no-exit': {
      title: 'Aucune réversibilité',
      explanation: 'Le service pourrait perdre ses données ou se retrouver captif du fournisseur.',
    },
    'rf-no-individual-explanation': {
      title: 'Impossible d’expliquer les décisions individuelles',
      explanation: 'Les personnes concernées ont droit à une explication.',
    },
    'rf-no-drift-monitoring': {
      title: 'Aucune surveillance de la dérive',
      explanation: 'L’exactitude pourrait se dégrader sans que personne ne s’en aperçoive.',
    },
    'rf-no-two-person-check': {
      title: 'Aucune vérification des identifications par deux personnes',
      explanation:
        'Les correspondances biométriques doivent être vérifiées par deux personnes compétentes avant toute mesure, sauf si le droit de l’Union ou le droit national prévoit une dérogation à des fins répressives.',
    },
    'rf-scores-children': {
      title: 'Scores de risque concernant des enfants',
      explanation: 'Les enfants constituent un groupe vulnérable protégé.',
    },
    'rf-no-fria-cooperation': {
      title: 'Refus de coopérer à l’analyse d’impact',
      explanation:
        'Le service a besoin de la contribution du fournisseur pour son analyse d’impact sur les droits fondamentaux et son analyse d’impact relative à la protection des données.',
    },
    'rf-undisclosed-subprocessors': {
      title: 'Sous-traitants ultérieurs non communiqués',
      explanation:
        'Le service ne peut pas savoir qui traite ses données. La politique du service peut en faire un critère éliminatoire.',
    },
    'rf-no-qms': {
      title: 'Aucun système de gestion de la qualité',
      explanation: 'Obligatoire pour les fournisseurs de systèmes d’IA à haut risque.',
    },
    'rf-always-outputs': {
      title: 'Produit toujours une sortie, même en cas d’incertitude',
      explanation: 'Des données d’entrée de mauvaise qualité produisent malgré tout des résultats d’apparence fiable.',
    },
    'rf-unregistered-high-risk': {
      title: 'Condition préalable à l’utilisation : enregistrement dans la base de données de l’UE',
      explanation:
        'Une autorité publique ne peut pas utiliser un système à haut risque qui n’est pas enregistré dans la base de données de l’UE. L’enregistrement devient une condition fixée par le contrat avant la première utilisation.',
    },
    'rf-gpai-undocumented': {
      title: 'Modèle d’IA à usage général en amont sans documentation',
      explanation:
        'Le fournisseur ne peut pas indiquer ce que fait le modèle sur lequel il s’appuie, sur quelles données il a été entraîné ni dans quels cas il échoue.',
    },
  },
};
