// Cancer Imaging Graph: the Neo4j 5 schema (constraints and indexes).
// Applied by Neo4jGraphStore.EnsureSchemaAsync at every start (each statement is idempotent),
// or by hand: cypher-shell -u neo4j -p <password> -f schema/neo4j/schema.cypher
// See README.md beside this file for the property model and example queries.

// Natural keys: one uniqueness constraint per node label, on the label's key property.
CREATE CONSTRAINT repository_key IF NOT EXISTS FOR (n:Repository) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT dataset_key IF NOT EXISTS FOR (n:Dataset) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT patient_key IF NOT EXISTS FOR (n:Patient) REQUIRE n.pseudonym IS UNIQUE;
CREATE CONSTRAINT diagnosis_key IF NOT EXISTS FOR (n:Diagnosis) REQUIRE n.diagnosisId IS UNIQUE;
CREATE CONSTRAINT study_key IF NOT EXISTS FOR (n:Study) REQUIRE n.studyInstanceUid IS UNIQUE;
CREATE CONSTRAINT series_key IF NOT EXISTS FOR (n:Series) REQUIRE n.seriesInstanceUid IS UNIQUE;
CREATE CONSTRAINT cancer_type_key IF NOT EXISTS FOR (n:CancerType) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT concept_key IF NOT EXISTS FOR (n:Concept) REQUIRE n.curie IS UNIQUE;
CREATE CONSTRAINT algorithm_key IF NOT EXISTS FOR (n:Algorithm) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT cohort_key IF NOT EXISTS FOR (n:Cohort) REQUIRE n.cohortId IS UNIQUE;
CREATE CONSTRAINT harvestrun_key IF NOT EXISTS FOR (n:HarvestRun) REQUIRE n.runId IS UNIQUE;
CREATE CONSTRAINT annotation_key IF NOT EXISTS FOR (n:Annotation) REQUIRE n.annotationId IS UNIQUE;

// The change sequence: one counter node, and one record per committed ChangeSet (with the set's id, so that a
// retried commit whose first reply was lost is recognised).
CREATE CONSTRAINT graph_meta_key IF NOT EXISTS FOR (n:GraphMeta) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT graph_change_key IF NOT EXISTS FOR (n:GraphChange) REQUIRE n.seq IS UNIQUE;
CREATE CONSTRAINT graph_change_id IF NOT EXISTS FOR (n:GraphChange) REQUIRE n.id IS UNIQUE;
// When each ChangeSet committed: a purge erases the tombstones of changes older than the retention.
CREATE INDEX graph_change_committed IF NOT EXISTS FOR (n:GraphChange) ON (n.committedAt);

// API keys of the service (hash of the secret only), shared by every replica; not part of the catalogue.
CREATE CONSTRAINT api_key_id IF NOT EXISTS FOR (n:ApiKey) REQUIRE n.id IS UNIQUE;

// Access requests (the request as JSON, its requester and version beside it), shared by every replica; not part of the catalogue.
CREATE CONSTRAINT access_request_id IF NOT EXISTS FOR (n:AccessRequest) REQUIRE n.id IS UNIQUE;
CREATE INDEX access_request_requester IF NOT EXISTS FOR (n:AccessRequest) ON (n.requester);

// Change sequence of every node label, for replicas that read the changes since a sequence number.
CREATE INDEX repository_seq IF NOT EXISTS FOR (n:Repository) ON (n._seq);
CREATE INDEX dataset_seq IF NOT EXISTS FOR (n:Dataset) ON (n._seq);
CREATE INDEX patient_seq IF NOT EXISTS FOR (n:Patient) ON (n._seq);
CREATE INDEX diagnosis_seq IF NOT EXISTS FOR (n:Diagnosis) ON (n._seq);
CREATE INDEX study_seq IF NOT EXISTS FOR (n:Study) ON (n._seq);
CREATE INDEX series_seq IF NOT EXISTS FOR (n:Series) ON (n._seq);
CREATE INDEX cancer_type_seq IF NOT EXISTS FOR (n:CancerType) ON (n._seq);
CREATE INDEX concept_seq IF NOT EXISTS FOR (n:Concept) ON (n._seq);
CREATE INDEX algorithm_seq IF NOT EXISTS FOR (n:Algorithm) ON (n._seq);
CREATE INDEX cohort_seq IF NOT EXISTS FOR (n:Cohort) ON (n._seq);
CREATE INDEX harvestrun_seq IF NOT EXISTS FOR (n:HarvestRun) ON (n._seq);
CREATE INDEX annotation_seq IF NOT EXISTS FOR (n:Annotation) ON (n._seq);

// Change sequence of every relationship type.
CREATE INDEX hosts_seq IF NOT EXISTS FOR ()-[r:HOSTS]-() ON (r._seq);
CREATE INDEX includes_seq IF NOT EXISTS FOR ()-[r:INCLUDES]-() ON (r._seq);
CREATE INDEX has_study_seq IF NOT EXISTS FOR ()-[r:HAS_STUDY]-() ON (r._seq);
CREATE INDEX has_series_seq IF NOT EXISTS FOR ()-[r:HAS_SERIES]-() ON (r._seq);
CREATE INDEX has_diagnosis_seq IF NOT EXISTS FOR ()-[r:HAS_DIAGNOSIS]-() ON (r._seq);
CREATE INDEX of_type_seq IF NOT EXISTS FOR ()-[r:OF_TYPE]-() ON (r._seq);
CREATE INDEX covers_seq IF NOT EXISTS FOR ()-[r:COVERS]-() ON (r._seq);
CREATE INDEX coded_as_seq IF NOT EXISTS FOR ()-[r:CODED_AS]-() ON (r._seq);
CREATE INDEX broader_seq IF NOT EXISTS FOR ()-[r:BROADER]-() ON (r._seq);
CREATE INDEX maps_to_seq IF NOT EXISTS FOR ()-[r:MAPS_TO]-() ON (r._seq);
CREATE INDEX trained_on_seq IF NOT EXISTS FOR ()-[r:TRAINED_ON]-() ON (r._seq);
CREATE INDEX targets_seq IF NOT EXISTS FOR ()-[r:TARGETS]-() ON (r._seq);
CREATE INDEX annotates_seq IF NOT EXISTS FOR ()-[r:ANNOTATES]-() ON (r._seq);
CREATE INDEX selects_seq IF NOT EXISTS FOR ()-[r:SELECTS]-() ON (r._seq);
CREATE INDEX harvested_seq IF NOT EXISTS FOR ()-[r:HARVESTED]-() ON (r._seq);

// What partners query: series by modality, body part and acquisition, concepts by code, diagnoses by code.
CREATE INDEX series_modality_body_part IF NOT EXISTS FOR (n:Series) ON (n.modality, n.bodyPart);
CREATE INDEX series_body_part IF NOT EXISTS FOR (n:Series) ON (n.bodyPart);
CREATE INDEX series_slice_thickness IF NOT EXISTS FOR (n:Series) ON (n.sliceThickness);
CREATE INDEX series_manufacturer IF NOT EXISTS FOR (n:Series) ON (n.manufacturer);
CREATE INDEX study_year IF NOT EXISTS FOR (n:Study) ON (n.year);
CREATE INDEX diagnosis_icd10 IF NOT EXISTS FOR (n:Diagnosis) ON (n.icd10);
CREATE INDEX diagnosis_icd_o3_morphology IF NOT EXISTS FOR (n:Diagnosis) ON (n.icdO3Morphology);
CREATE INDEX cancer_type_icd10 IF NOT EXISTS FOR (n:CancerType) ON (n.icd10);
CREATE INDEX concept_system_code IF NOT EXISTS FOR (n:Concept) ON (n.system, n.code);
CREATE INDEX concept_code IF NOT EXISTS FOR (n:Concept) ON (n.code);
CREATE TEXT INDEX concept_label_text IF NOT EXISTS FOR (n:Concept) ON (n.label);
CREATE INDEX dataset_access_tier IF NOT EXISTS FOR (n:Dataset) ON (n.accessTier);
CREATE INDEX annotation_label IF NOT EXISTS FOR (n:Annotation) ON (n.label);
CREATE INDEX maps_to_predicate IF NOT EXISTS FOR ()-[r:MAPS_TO]-() ON (r.predicate);
