from django.apps import AppConfig


class PeiFormsConfig(AppConfig):
    name = "pei_forms"
    verbose_name = "PEI forms"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from pei_workflow.events import transition_committed
        from pei_workflow.placeholders import set_status_page_address

        from .step_emails import new_link_url, queue_step_email

        transition_committed.connect(queue_step_email, dispatch_uid="pei_forms.step_emails")
        # A message template's {status_page}: the public page where the practitioner follows
        # their form or asks for a new link (the status page's own address holds the token).
        set_status_page_address(new_link_url)
