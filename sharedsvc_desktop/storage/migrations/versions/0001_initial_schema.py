"""initial schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-23 17:22:45.773144
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None

# The default user-defined lists, frozen as they were when this revision was written.
CATEGORY_ROWS = [
    {'domain': 'party_kind', 'code': 'police_department', 'label': 'Police department', 'sort_order': 0, 'active': True},
    {'domain': 'party_kind', 'code': 'school_district', 'label': 'School district (board of education)', 'sort_order': 1, 'active': True},
    {'domain': 'party_kind', 'code': 'town_department', 'label': 'Town department', 'sort_order': 2, 'active': True},
    {'domain': 'party_kind', 'code': 'regional_council', 'label': 'Regional council or service center', 'sort_order': 3, 'active': True},
    {'domain': 'party_kind', 'code': 'other_agency', 'label': 'Other public agency', 'sort_order': 4, 'active': True},
    {'domain': 'service_type', 'code': 'event_coverage', 'label': 'Police event coverage', 'sort_order': 0, 'active': True},
    {'domain': 'service_type', 'code': 'building_patrol', 'label': 'School building patrol', 'sort_order': 1, 'active': True},
    {'domain': 'service_type', 'code': 'sro_duty', 'label': 'School resource officer duty', 'sort_order': 2, 'active': True},
    {'domain': 'service_type', 'code': 'it_service', 'label': 'IT service (in kind)', 'sort_order': 3, 'active': True},
    {'domain': 'service_type', 'code': 'facilities', 'label': 'Facilities and maintenance', 'sort_order': 4, 'active': True},
    {'domain': 'service_type', 'code': 'finance', 'label': 'Finance and payroll', 'sort_order': 5, 'active': True},
    {'domain': 'service_type', 'code': 'transportation', 'label': 'Transportation', 'sort_order': 6, 'active': True},
    {'domain': 'service_type', 'code': 'other', 'label': 'Other service', 'sort_order': 7, 'active': True},
    {'domain': 'event_type', 'code': 'graduation', 'label': 'Graduation', 'sort_order': 0, 'active': True},
    {'domain': 'event_type', 'code': 'varsity_game', 'label': 'Varsity game', 'sort_order': 1, 'active': True},
    {'domain': 'event_type', 'code': 'dance', 'label': 'Dance', 'sort_order': 2, 'active': True},
    {'domain': 'event_type', 'code': 'prom', 'label': 'Prom', 'sort_order': 3, 'active': True},
    {'domain': 'event_type', 'code': 'homecoming', 'label': 'Homecoming', 'sort_order': 4, 'active': True},
    {'domain': 'event_type', 'code': 'alcohol_free_party', 'label': 'Alcohol-free party', 'sort_order': 5, 'active': True},
    {'domain': 'event_type', 'code': 'assembly', 'label': 'Assembly', 'sort_order': 6, 'active': True},
    {'domain': 'event_type', 'code': 'other', 'label': 'Other', 'sort_order': 7, 'active': True},
    {'domain': 'qualification', 'code': 'sro_basic', 'label': 'SRO basic course', 'sort_order': 0, 'active': True},
    {'domain': 'qualification', 'code': 'sel_restorative', 'label': 'Social-emotional learning and restorative practices (CGS §10-233m)', 'sort_order': 1, 'active': True},
    {'domain': 'qualification', 'code': 'firearms', 'label': 'Firearms qualification', 'sort_order': 2, 'active': True},
    {'domain': 'rank', 'code': 'officer', 'label': 'Officer', 'sort_order': 0, 'active': True},
    {'domain': 'rank', 'code': 'detective', 'label': 'Detective', 'sort_order': 1, 'active': True},
    {'domain': 'rank', 'code': 'sergeant', 'label': 'Sergeant', 'sort_order': 2, 'active': True},
    {'domain': 'rank', 'code': 'lieutenant', 'label': 'Lieutenant', 'sort_order': 3, 'active': True},
    {'domain': 'rank', 'code': 'captain', 'label': 'Captain', 'sort_order': 4, 'active': True},
    {'domain': 'rank', 'code': 'deputy_chief', 'label': 'Deputy Chief', 'sort_order': 5, 'active': True},
    {'domain': 'rank', 'code': 'chief', 'label': 'Chief of Police', 'sort_order': 6, 'active': True},
    {'domain': 'disciplinary_action', 'code': 'in_school_suspension', 'label': 'In-school suspension', 'sort_order': 0, 'active': True},
    {'domain': 'disciplinary_action', 'code': 'out_of_school_suspension', 'label': 'Out-of-school suspension', 'sort_order': 1, 'active': True},
    {'domain': 'disciplinary_action', 'code': 'expulsion', 'label': 'Expulsion', 'sort_order': 2, 'active': True},
    {'domain': 'disciplinary_action', 'code': 'other', 'label': 'Other', 'sort_order': 3, 'active': True},
    {'domain': 'police_action', 'code': 'verbal_warning', 'label': 'Verbal warning', 'sort_order': 0, 'active': True},
    {'domain': 'police_action', 'code': 'conference', 'label': 'Conference with student/parents/teachers', 'sort_order': 1, 'active': True},
    {'domain': 'police_action', 'code': 'referral_jrb_agency', 'label': 'Referral to a juvenile review board or community agency', 'sort_order': 2, 'active': True},
    {'domain': 'police_action', 'code': 'referral_court', 'label': 'Referral to court', 'sort_order': 3, 'active': True},
    {'domain': 'police_action', 'code': 'arrest', 'label': 'Arrest', 'sort_order': 4, 'active': True},
]


def upgrade() -> None:
    # ### commands auto generated by Alembic - please adjust! ###
    op.create_table('agreement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=60), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agreement')),
    sa.UniqueConstraint('number', name=op.f('uq_agreement_number'))
    )
    op.create_table('attachment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('owner_table', sa.String(length=60), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('filename', sa.String(length=300), nullable=False),
    sa.Column('mime_type', sa.String(length=100), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attachment'))
    )
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attachment_owner_table_owner_id'), ['owner_table', 'owner_id'], unique=False)

    op.create_table('audit_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('username', sa.String(length=80), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('table_name', sa.String(length=60), nullable=False),
    sa.Column('row_id', sa.Integer(), nullable=True),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.Column('after', sa.JSON(), nullable=True),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entry'))
    )
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entry_table_name_row_id'), ['table_name', 'row_id'], unique=False)

    op.create_table('category',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('domain', sa.String(length=40), nullable=False),
    sa.Column('code', sa.String(length=60), nullable=False),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('extra', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_category')),
    sa.UniqueConstraint('domain', 'code', name=op.f('uq_category_domain_code'))
    )
    op.create_table('clause',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=60), nullable=False),
    sa.Column('heading', sa.String(length=300), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('covers', sa.JSON(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_clause')),
    sa.UniqueConstraint('code', name=op.f('uq_clause_code'))
    )
    op.create_table('outbox_message',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('dedupe_key', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=60), nullable=False),
    sa.Column('to_address', sa.String(length=300), nullable=False),
    sa.Column('subject', sa.String(length=300), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('ics', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=False),
    sa.Column('sent_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint("status IN ('pending', 'held', 'sent', 'failed')", name=op.f('ck_outbox_message_status')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox_message')),
    sa.UniqueConstraint('dedupe_key', name=op.f('uq_outbox_message_dedupe_key'))
    )
    with op.batch_alter_table('outbox_message', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outbox_message_status'), ['status'], unique=False)

    op.create_table('party',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('short_name', sa.String(length=60), nullable=False),
    sa.Column('kind', sa.String(length=60), nullable=False),
    sa.Column('address', sa.Text(), nullable=False),
    sa.Column('phone', sa.String(length=60), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_party')),
    sa.UniqueConstraint('name', name=op.f('uq_party_name'))
    )
    op.create_table('setting',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('value', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_setting'))
    )
    op.create_table('agreement_party',
    sa.Column('agreement_id', sa.Integer(), nullable=False),
    sa.Column('party_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreement.id'], name=op.f('fk_agreement_party_agreement_id_agreement'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['party_id'], ['party.id'], name=op.f('fk_agreement_party_party_id_party')),
    sa.PrimaryKeyConstraint('agreement_id', 'party_id', name=op.f('pk_agreement_party'))
    )
    op.create_table('agreement_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agreement_id', sa.Integer(), nullable=False),
    sa.Column('version_no', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=30), nullable=False),
    sa.Column('template_code', sa.String(length=60), nullable=False),
    sa.Column('effective_date', sa.Date(), nullable=True),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('term_months', sa.Integer(), nullable=False),
    sa.Column('auto_renew', sa.Boolean(), nullable=False),
    sa.Column('notice_days', sa.Integer(), nullable=False),
    sa.Column('overtime_rules', sa.Text(), nullable=False),
    sa.Column('witness_lines', sa.Boolean(), nullable=False),
    sa.Column('change_summary', sa.Text(), nullable=False),
    sa.Column('fingerprint_sha256', sa.String(length=64), nullable=False),
    sa.Column('executed_on', sa.Date(), nullable=True),
    sa.Column('termination_notice_on', sa.Date(), nullable=True),
    sa.Column('termination_by_party_id', sa.Integer(), nullable=True),
    sa.Column('termination_effective_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("status IN ('draft', 'out_for_signature', 'executed', 'superseded', 'terminated', 'expired')", name=op.f('ck_agreement_version_status')),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreement.id'], name=op.f('fk_agreement_version_agreement_id_agreement')),
    sa.ForeignKeyConstraint(['termination_by_party_id'], ['party.id'], name=op.f('fk_agreement_version_termination_by_party_id_party')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agreement_version')),
    sa.UniqueConstraint('agreement_id', 'version_no', name=op.f('uq_agreement_version_agreement_id_version_no'))
    )
    with op.batch_alter_table('agreement_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreement_version_agreement_id'), ['agreement_id'], unique=False)

    op.create_table('annual_report',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agreement_id', sa.Integer(), nullable=True),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('activities', sa.Text(), nullable=False),
    sa.Column('recommendations', sa.Text(), nullable=False),
    sa.Column('approved_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreement.id'], name=op.f('fk_annual_report_agreement_id_agreement')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_annual_report')),
    sa.UniqueConstraint('agreement_id', 'year', name=op.f('uq_annual_report_agreement_id_year'))
    )
    op.create_table('invoice',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('to_party_id', sa.Integer(), nullable=False),
    sa.Column('from_party_id', sa.Integer(), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.Column('period_end', sa.Date(), nullable=False),
    sa.Column('total_cents', sa.Integer(), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['from_party_id'], ['party.id'], name=op.f('fk_invoice_from_party_id_party')),
    sa.ForeignKeyConstraint(['to_party_id'], ['party.id'], name=op.f('fk_invoice_to_party_id_party')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invoice')),
    sa.UniqueConstraint('number', name=op.f('uq_invoice_number'))
    )
    op.create_table('meeting',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agreement_id', sa.Integer(), nullable=True),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('location', sa.String(length=200), nullable=False),
    sa.Column('minutes', sa.Text(), nullable=False),
    sa.Column('decisions', sa.Text(), nullable=False),
    sa.Column('recommendations', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreement.id'], name=op.f('fk_meeting_agreement_id_agreement')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting'))
    )
    op.create_table('person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('party_id', sa.Integer(), nullable=True),
    sa.Column('first_name', sa.String(length=100), nullable=False),
    sa.Column('last_name', sa.String(length=100), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=60), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['party_id'], ['party.id'], name=op.f('fk_person_party_id_party')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person'))
    )
    op.create_table('agreement_section',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('clause_code', sa.String(length=60), nullable=False),
    sa.Column('heading', sa.String(length=300), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['version_id'], ['agreement_version.id'], name=op.f('fk_agreement_section_version_id_agreement_version'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agreement_section'))
    )
    with op.batch_alter_table('agreement_section', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreement_section_version_id'), ['version_id'], unique=False)

    op.create_table('agreement_service',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('provider_party_id', sa.Integer(), nullable=False),
    sa.Column('service_type', sa.String(length=60), nullable=False),
    sa.Column('hourly_rate_cents', sa.Integer(), nullable=False),
    sa.Column('min_callout_minutes', sa.Integer(), nullable=False),
    sa.Column('short_notice_days', sa.Integer(), nullable=False),
    sa.Column('short_notice_surcharge_pct', sa.Integer(), nullable=False),
    sa.Column('overtime_multiplier_pct', sa.Integer(), nullable=False),
    sa.Column('late_cancel_hours', sa.Integer(), nullable=False),
    sa.Column('late_cancel_charge_minutes', sa.Integer(), nullable=False),
    sa.Column('in_kind', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['provider_party_id'], ['party.id'], name=op.f('fk_agreement_service_provider_party_id_party')),
    sa.ForeignKeyConstraint(['version_id'], ['agreement_version.id'], name=op.f('fk_agreement_service_version_id_agreement_version'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agreement_service'))
    )
    with op.batch_alter_table('agreement_service', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreement_service_version_id'), ['version_id'], unique=False)

    op.create_table('officer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('badge_number', sa.String(length=30), nullable=False),
    sa.Column('rank', sa.String(length=60), nullable=False),
    sa.Column('hire_date', sa.Date(), nullable=True),
    sa.Column('probation_end', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('is_supervisor', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("status IN ('active', 'on_leave', 'inactive')", name=op.f('ck_officer_status')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_officer_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_officer')),
    sa.UniqueConstraint('badge_number', name=op.f('uq_officer_badge_number')),
    sa.UniqueConstraint('person_id', name=op.f('uq_officer_person_id'))
    )
    op.create_table('qualification',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=60), nullable=False),
    sa.Column('completed_on', sa.Date(), nullable=False),
    sa.Column('expires_on', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_qualification_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_qualification'))
    )
    with op.batch_alter_table('qualification', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_qualification_person_id'), ['person_id'], unique=False)

    op.create_table('signatory',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('party_id', sa.Integer(), nullable=True),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('organization', sa.String(length=200), nullable=False),
    sa.Column('signed_on', sa.Date(), nullable=True),
    sa.Column('signature_attachment_id', sa.Integer(), nullable=True),
    sa.Column('scanned_copy_attachment_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['party_id'], ['party.id'], name=op.f('fk_signatory_party_id_party')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_signatory_person_id_person')),
    sa.ForeignKeyConstraint(['scanned_copy_attachment_id'], ['attachment.id'], name=op.f('fk_signatory_scanned_copy_attachment_id_attachment')),
    sa.ForeignKeyConstraint(['signature_attachment_id'], ['attachment.id'], name=op.f('fk_signatory_signature_attachment_id_attachment')),
    sa.ForeignKeyConstraint(['version_id'], ['agreement_version.id'], name=op.f('fk_signatory_version_id_agreement_version'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_signatory'))
    )
    with op.batch_alter_table('signatory', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_signatory_version_id'), ['version_id'], unique=False)

    op.create_table('site',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('party_id', sa.Integer(), nullable=True),
    sa.Column('level', sa.String(length=20), nullable=False),
    sa.Column('in_district', sa.Boolean(), nullable=False),
    sa.Column('address', sa.Text(), nullable=False),
    sa.Column('principal_name', sa.String(length=200), nullable=False),
    sa.Column('principal_id', sa.Integer(), nullable=True),
    sa.Column('contact_phone', sa.String(length=60), nullable=False),
    sa.Column('contact_email', sa.String(length=200), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("level IN ('elementary', 'middle', 'high', 'other')", name=op.f('ck_site_level')),
    sa.ForeignKeyConstraint(['party_id'], ['party.id'], name=op.f('fk_site_party_id_party')),
    sa.ForeignKeyConstraint(['principal_id'], ['person.id'], name=op.f('fk_site_principal_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_site')),
    sa.UniqueConstraint('name', name=op.f('uq_site_name'))
    )
    op.create_table('team_member',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('party_id', sa.Integer(), nullable=False),
    sa.Column('agreement_id', sa.Integer(), nullable=True),
    sa.Column('joined_on', sa.Date(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreement.id'], name=op.f('fk_team_member_agreement_id_agreement')),
    sa.ForeignKeyConstraint(['party_id'], ['party.id'], name=op.f('fk_team_member_party_id_party')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_team_member_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_team_member'))
    )
    op.create_table('user_account',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=80), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('password_hash', sa.String(length=300), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('failed_attempts', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(), nullable=True),
    sa.Column('last_login_at', sa.DateTime(), nullable=True),
    sa.Column('must_change_password', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("role IN ('administrator', 'scheduler', 'requester', 'read_only')", name=op.f('ck_user_account_role')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_user_account_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user_account')),
    sa.UniqueConstraint('username', name=op.f('uq_user_account_username'))
    )
    op.create_table('agreement_site',
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], name=op.f('fk_agreement_site_site_id_site')),
    sa.ForeignKeyConstraint(['version_id'], ['agreement_version.id'], name=op.f('fk_agreement_site_version_id_agreement_version'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('version_id', 'site_id', name=op.f('pk_agreement_site'))
    )
    op.create_table('closed_period',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.Column('period_end', sa.Date(), nullable=False),
    sa.Column('closed_at', sa.DateTime(), nullable=False),
    sa.Column('closed_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['closed_by_id'], ['user_account.id'], name=op.f('fk_closed_period_closed_by_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_closed_period'))
    )
    op.create_table('data_report',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('side', sa.String(length=10), nullable=False),
    sa.Column('period', sa.String(length=10), nullable=False),
    sa.Column('is_baseline', sa.Boolean(), nullable=False),
    sa.Column('submitted_on', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("side IN ('school', 'police')", name=op.f('ck_data_report_side')),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], name=op.f('fk_data_report_site_id_site')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_data_report')),
    sa.UniqueConstraint('site_id', 'side', 'period', name=op.f('uq_data_report_site_id_side_period'))
    )
    op.create_table('event_series',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('rule', sa.Text(), nullable=False),
    sa.Column('exceptions', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], name=op.f('fk_event_series_site_id_site')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_series'))
    )
    op.create_table('meeting_attendee',
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_meeting_attendee_meeting_id_meeting'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['member_id'], ['team_member.id'], name=op.f('fk_meeting_attendee_member_id_team_member')),
    sa.PrimaryKeyConstraint('meeting_id', 'member_id', name=op.f('pk_meeting_attendee'))
    )
    op.create_table('person_role',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=40), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_person_role_person_id_person')),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], name=op.f('fk_person_role_site_id_site')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person_role'))
    )
    with op.batch_alter_table('person_role', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_role_person_id'), ['person_id'], unique=False)

    op.create_table('sro_appointment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('officer_id', sa.Integer(), nullable=False),
    sa.Column('agreement_id', sa.Integer(), nullable=True),
    sa.Column('school_year', sa.String(length=9), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('appointed_by_id', sa.Integer(), nullable=True),
    sa.Column('appointed_on', sa.Date(), nullable=True),
    sa.Column('superintendent_id', sa.Integer(), nullable=True),
    sa.Column('superintendent_agreed_on', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('eligibility_override_reason', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("status IN ('active', 'ended', 'dismissed', 'reassigned')", name=op.f('ck_sro_appointment_status')),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreement.id'], name=op.f('fk_sro_appointment_agreement_id_agreement')),
    sa.ForeignKeyConstraint(['appointed_by_id'], ['person.id'], name=op.f('fk_sro_appointment_appointed_by_id_person')),
    sa.ForeignKeyConstraint(['officer_id'], ['officer.id'], name=op.f('fk_sro_appointment_officer_id_officer')),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], name=op.f('fk_sro_appointment_site_id_site')),
    sa.ForeignKeyConstraint(['superintendent_id'], ['person.id'], name=op.f('fk_sro_appointment_superintendent_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sro_appointment'))
    )
    with op.batch_alter_table('sro_appointment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sro_appointment_officer_id'), ['officer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sro_appointment_site_id_school_year'), ['site_id', 'school_year'], unique=False)

    op.create_table('data_count',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('measure', sa.String(length=60), nullable=False),
    sa.Column('dimension', sa.String(length=60), nullable=False),
    sa.Column('category', sa.String(length=60), nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.CheckConstraint('value >= 0', name=op.f('ck_data_count_non_negative')),
    sa.ForeignKeyConstraint(['report_id'], ['data_report.id'], name=op.f('fk_data_count_report_id_data_report'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_data_count')),
    sa.UniqueConstraint('report_id', 'measure', 'dimension', 'category', name=op.f('uq_data_count_report_id_measure_dimension_category'))
    )
    op.create_table('event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('series_id', sa.Integer(), nullable=True),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('agreement_id', sa.Integer(), nullable=True),
    sa.Column('event_type', sa.String(length=60), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('starts_at', sa.DateTime(), nullable=False),
    sa.Column('ends_at', sa.DateTime(), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('expected_attendance', sa.Integer(), nullable=True),
    sa.Column('officers_requested', sa.Integer(), nullable=False),
    sa.Column('supervisor_required', sa.Boolean(), nullable=False),
    sa.Column('requester_id', sa.Integer(), nullable=True),
    sa.Column('requester_name', sa.String(length=200), nullable=False),
    sa.Column('requester_contact', sa.String(length=200), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('decline_reason', sa.Text(), nullable=False),
    sa.Column('requested_at', sa.DateTime(), nullable=False),
    sa.Column('cancelled_at', sa.DateTime(), nullable=True),
    sa.Column('external_request_id', sa.String(length=80), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("status IN ('requested', 'approved', 'declined', 'staffed', 'completed', 'cancelled')", name=op.f('ck_event_status')),
    sa.CheckConstraint('ends_at > starts_at', name=op.f('ck_event_ends_after_start')),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreement.id'], name=op.f('fk_event_agreement_id_agreement')),
    sa.ForeignKeyConstraint(['requester_id'], ['person.id'], name=op.f('fk_event_requester_id_person')),
    sa.ForeignKeyConstraint(['series_id'], ['event_series.id'], name=op.f('fk_event_series_id_event_series')),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], name=op.f('fk_event_site_id_site')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event')),
    sa.UniqueConstraint('external_request_id', name=op.f('uq_event_external_request_id'))
    )
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_site_id_starts_at'), ['site_id', 'starts_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_starts_at'), ['starts_at'], unique=False)

    op.create_table('sro_concern',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('appointment_id', sa.Integer(), nullable=False),
    sa.Column('raised_on', sa.Date(), nullable=False),
    sa.Column('reasons', sa.Text(), nullable=False),
    sa.Column('superintendent_informed_on', sa.Date(), nullable=True),
    sa.Column('chief_notified_on', sa.Date(), nullable=True),
    sa.Column('decision', sa.String(length=20), nullable=True),
    sa.Column('decision_on', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['appointment_id'], ['sro_appointment.id'], name=op.f('fk_sro_concern_appointment_id_sro_appointment')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sro_concern'))
    )
    with op.batch_alter_table('sro_concern', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sro_concern_appointment_id'), ['appointment_id'], unique=False)

    op.create_table('sro_duty',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('appointment_id', sa.Integer(), nullable=False),
    sa.Column('weekday', sa.Integer(), nullable=False),
    sa.Column('start_time', sa.Time(), nullable=False),
    sa.Column('end_time', sa.Time(), nullable=False),
    sa.ForeignKeyConstraint(['appointment_id'], ['sro_appointment.id'], name=op.f('fk_sro_duty_appointment_id_sro_appointment'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sro_duty'))
    )
    with op.batch_alter_table('sro_duty', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sro_duty_appointment_id'), ['appointment_id'], unique=False)

    op.create_table('sro_review',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('appointment_id', sa.Integer(), nullable=False),
    sa.Column('meeting_date', sa.Date(), nullable=True),
    sa.Column('attendees', sa.Text(), nullable=False),
    sa.Column('report_text', sa.Text(), nullable=False),
    sa.Column('report_attachment_id', sa.Integer(), nullable=True),
    sa.Column('sent_to_chief_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['appointment_id'], ['sro_appointment.id'], name=op.f('fk_sro_review_appointment_id_sro_appointment')),
    sa.ForeignKeyConstraint(['report_attachment_id'], ['attachment.id'], name=op.f('fk_sro_review_report_attachment_id_attachment')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sro_review'))
    )
    with op.batch_alter_table('sro_review', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sro_review_appointment_id'), ['appointment_id'], unique=False)

    op.create_table('assignment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('officer_id', sa.Integer(), nullable=False),
    sa.Column('starts_at', sa.DateTime(), nullable=False),
    sa.Column('ends_at', sa.DateTime(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('is_supervisor', sa.Boolean(), nullable=False),
    sa.Column('is_overtime', sa.Boolean(), nullable=False),
    sa.Column('overtime_approved_by_id', sa.Integer(), nullable=True),
    sa.Column('overtime_approved_at', sa.DateTime(), nullable=True),
    sa.Column('override_reason', sa.Text(), nullable=False),
    sa.Column('overridden_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('ends_at > starts_at', name=op.f('ck_assignment_ends_after_start')),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_assignment_event_id_event')),
    sa.ForeignKeyConstraint(['officer_id'], ['officer.id'], name=op.f('fk_assignment_officer_id_officer')),
    sa.ForeignKeyConstraint(['overridden_by_id'], ['user_account.id'], name=op.f('fk_assignment_overridden_by_id_user_account')),
    sa.ForeignKeyConstraint(['overtime_approved_by_id'], ['user_account.id'], name=op.f('fk_assignment_overtime_approved_by_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assignment'))
    )
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assignment_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_assignment_officer_id_starts_at'), ['officer_id', 'starts_at'], unique=False)

    op.create_table('hour_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('work_date', sa.Date(), nullable=False),
    sa.Column('starts_at', sa.DateTime(), nullable=True),
    sa.Column('ends_at', sa.DateTime(), nullable=True),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=True),
    sa.Column('event_id', sa.Integer(), nullable=True),
    sa.Column('agreement_id', sa.Integer(), nullable=True),
    sa.Column('billable', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('approved_by_id', sa.Integer(), nullable=True),
    sa.Column('approved_at', sa.DateTime(), nullable=True),
    sa.Column('change_reason', sa.Text(), nullable=False),
    sa.Column('exported_at', sa.DateTime(), nullable=True),
    sa.Column('invoice_id', sa.Integer(), nullable=True),
    sa.Column('import_batch', sa.String(length=40), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("kind IN ('event_coverage', 'building_patrol', 'sro_duty', 'it_service', 'other')", name=op.f('ck_hour_entry_kind')),
    sa.CheckConstraint("status IN ('submitted', 'approved', 'locked')", name=op.f('ck_hour_entry_status')),
    sa.CheckConstraint('minutes >= 0 AND minutes <= 1440', name=op.f('ck_hour_entry_minutes_range')),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreement.id'], name=op.f('fk_hour_entry_agreement_id_agreement')),
    sa.ForeignKeyConstraint(['approved_by_id'], ['user_account.id'], name=op.f('fk_hour_entry_approved_by_id_user_account')),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_hour_entry_event_id_event')),
    sa.ForeignKeyConstraint(['invoice_id'], ['invoice.id'], name=op.f('fk_hour_entry_invoice_id_invoice')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_hour_entry_person_id_person')),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], name=op.f('fk_hour_entry_site_id_site')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hour_entry'))
    )
    with op.batch_alter_table('hour_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_hour_entry_event_id'), ['event_id'], unique=False)
        batch_op.create_index('ix_hour_entry_person_date_minutes', ['person_id', 'work_date', 'minutes'], unique=False)
        batch_op.create_index(batch_op.f('ix_hour_entry_work_date'), ['work_date'], unique=False)

    # ### end Alembic commands ###
    category = sa.table(
        'category',
        sa.column('domain', sa.String), sa.column('code', sa.String), sa.column('label', sa.String),
        sa.column('sort_order', sa.Integer), sa.column('active', sa.Boolean),
    )
    op.bulk_insert(category, CATEGORY_ROWS)


def downgrade() -> None:
    # ### commands auto generated by Alembic - please adjust! ###
    with op.batch_alter_table('hour_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_hour_entry_work_date'))
        batch_op.drop_index('ix_hour_entry_person_date_minutes')
        batch_op.drop_index(batch_op.f('ix_hour_entry_event_id'))

    op.drop_table('hour_entry')
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assignment_officer_id_starts_at'))
        batch_op.drop_index(batch_op.f('ix_assignment_event_id'))

    op.drop_table('assignment')
    with op.batch_alter_table('sro_review', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sro_review_appointment_id'))

    op.drop_table('sro_review')
    with op.batch_alter_table('sro_duty', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sro_duty_appointment_id'))

    op.drop_table('sro_duty')
    with op.batch_alter_table('sro_concern', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sro_concern_appointment_id'))

    op.drop_table('sro_concern')
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_starts_at'))
        batch_op.drop_index(batch_op.f('ix_event_site_id_starts_at'))

    op.drop_table('event')
    op.drop_table('data_count')
    with op.batch_alter_table('sro_appointment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sro_appointment_site_id_school_year'))
        batch_op.drop_index(batch_op.f('ix_sro_appointment_officer_id'))

    op.drop_table('sro_appointment')
    with op.batch_alter_table('person_role', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_role_person_id'))

    op.drop_table('person_role')
    op.drop_table('meeting_attendee')
    op.drop_table('event_series')
    op.drop_table('data_report')
    op.drop_table('closed_period')
    op.drop_table('agreement_site')
    op.drop_table('user_account')
    op.drop_table('team_member')
    op.drop_table('site')
    with op.batch_alter_table('signatory', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_signatory_version_id'))

    op.drop_table('signatory')
    with op.batch_alter_table('qualification', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_qualification_person_id'))

    op.drop_table('qualification')
    op.drop_table('officer')
    with op.batch_alter_table('agreement_service', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agreement_service_version_id'))

    op.drop_table('agreement_service')
    with op.batch_alter_table('agreement_section', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agreement_section_version_id'))

    op.drop_table('agreement_section')
    op.drop_table('person')
    op.drop_table('meeting')
    op.drop_table('invoice')
    op.drop_table('annual_report')
    with op.batch_alter_table('agreement_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agreement_version_agreement_id'))

    op.drop_table('agreement_version')
    op.drop_table('agreement_party')
    op.drop_table('setting')
    op.drop_table('party')
    with op.batch_alter_table('outbox_message', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbox_message_status'))

    op.drop_table('outbox_message')
    op.drop_table('clause')
    op.drop_table('category')
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_entry_table_name_row_id'))

    op.drop_table('audit_entry')
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attachment_owner_table_owner_id'))

    op.drop_table('attachment')
    op.drop_table('agreement')
    # ### end Alembic commands ###
