{{/* The name of every object of the release. */}}
{{- define "mutualis.fullname" -}}
{{ .Release.Name }}-mutualis
{{- end }}

{{- define "mutualis.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "mutualis.labels" -}}
{{ include "mutualis.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end }}

{{/* The Secret holding DATABASE_URL and the other secrets: the operator's own, or the chart's. */}}
{{- define "mutualis.secretName" -}}
{{- if .Values.existingSecret -}}
{{ .Values.existingSecret }}
{{- else -}}
{{ include "mutualis.fullname" . }}
{{- end -}}
{{- end }}

{{/* Environment shared by the server and the migration job. */}}
{{- define "mutualis.env" -}}
- name: MUTUALIS_PUBLIC_URL
  value: {{ .Values.publicUrl | quote }}
- name: MUTUALIS_DEMO
  value: "false"
{{- range $name, $value := .Values.env }}
- name: {{ $name }}
  value: {{ $value | quote }}
{{- end }}
{{- end }}
